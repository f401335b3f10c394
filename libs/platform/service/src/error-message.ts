/**
 * The message of anything thrown. Duck-typed rather than `instanceof Error`:
 * errors from Node's core (fs, net) belong to another realm under Jest's vm.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return String(error);
}
