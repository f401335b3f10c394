/**
 * The Redis key of a stream (output port): its name inside a Redis Cluster hash tag,
 * `orders.order.v1` → `{orders.order.v1}`. Keys that begin with the same tag (the stream's
 * dead-letter and redrive streams) hash to one slot, so moving an entry to a dead-letter stream
 * and acknowledging it in the source can be one MULTI, even on a cluster.
 *
 * The one place that knows the format: @mesh/messaging writes and reads at this key, and the
 * generated contracts publish it as the stream's address, so that a consumer in any language
 * reads where the events are.
 */
export function streamKey(stream: string): string {
  return `{${stream}}`;
}

/** The stream name in a key made by `streamKey`, or in one that begins with it (a dead-letter stream's). */
export function streamNameOf(key: string): string {
  const end = key.indexOf('}');
  if (!key.startsWith('{') || end < 0) {
    throw new Error(`"${key}" is not a mesh stream key`);
  }
  return key.slice(1, end);
}

/** What the braces in a stream key are for, in words, for the generated documents. */
export function streamKeyNote(stream: string): string {
  return (
    `Redis Stream key \`${streamKey(stream)}\`; the braces are a Redis Cluster hash tag that keeps the stream, ` +
    'its dead-letter and redrive streams on one slot.'
  );
}
