/** Methods that only read; every other method changes something. */
const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The scope a route needs unless it declares its own: `<domain>:read` to read, `<domain>:write`
 * to change. Write does not include read: a client that only places orders is given only
 * `orders:write`, and one that needs both asks for both.
 */
export function defaultScope(domain: string, method: string): string {
  return `${domain}:${READ_METHODS.has(method.toUpperCase()) ? 'read' : 'write'}`;
}
