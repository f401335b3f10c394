/** The event bus the generated documents name when no other is given: the local Redis of `npm start`. */
export const DEFAULT_EVENT_BUS_HOST = 'localhost:6379';

/** `host:port` split for documents that keep them apart (ODCS); a missing port is Redis's 6379. */
export function hostAndPort(host: string): { host: string; port: number } {
  const match = /^(.*):(\d+)$/.exec(host);
  return match ? { host: match[1], port: Number(match[2]) } : { host, port: 6379 };
}
