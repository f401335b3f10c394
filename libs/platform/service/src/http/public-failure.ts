/**
 * What an unauthenticated caller may learn of a failed check or measurement: a stable code and a
 * short reason of our own. Driver and network messages (host names, ports, users, commands,
 * queries) stay in the service's log, whose line carries the request's id (`x-request-id`).
 */
export type PublicFailureCode = 'timeout' | 'failed';

const TIMEOUT = /no answer within (\d+) ms/;

export const FAILED_REASON = "the details are in the service's log";

/** `timeout: no answer within 150 ms`, or `failed: the details are in the service's log`. */
export function publicFailure(detail: string): string {
  const timeout = TIMEOUT.exec(detail);
  if (timeout) return `timeout: no answer within ${timeout[1]} ms`;
  return `failed: ${FAILED_REASON}`;
}
