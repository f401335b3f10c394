/**
 * Redis keys of a stream and of the streams that travel with it. They share one Redis Cluster
 * hash tag (the `{…}` part) so that moving an entry to the dead-letter stream and acknowledging
 * it in the source stream can happen in one MULTI, even on a cluster.
 */
export const streamKeys = {
  /** The output port itself, e.g. `{orders.order.v1}`. */
  source: (stream: string) => `{${stream}}`,
  /** Entries that one consumer group gave up on, with the reason. */
  deadLetter: (stream: string, group: string) => `{${stream}}:dead-letter:${group}`,
  /** Dead letters sent back to the one group that failed them (never to the source stream). */
  redrive: (stream: string, group: string) => `{${stream}}:redrive:${group}`,
};

/** Recovers the stream name from a key made by `streamKeys`. */
export function streamNameOf(key: string): string {
  const end = key.indexOf('}');
  if (!key.startsWith('{') || end < 0) {
    throw new Error(`"${key}" is not a mesh stream key`);
  }
  return key.slice(1, end);
}
