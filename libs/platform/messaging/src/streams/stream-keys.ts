import { streamKey } from '@mesh/contract-kit';

/**
 * Redis keys of a stream and of the streams that travel with it. The stream's own key comes from
 * the contract kit's `streamKey` (the one the generated contracts publish as its address); the
 * others begin with it, so they share its Redis Cluster hash tag and slot, and moving an entry to
 * the dead-letter stream and acknowledging it in the source stream can happen in one MULTI.
 */
export const streamKeys = {
  /** The output port itself, e.g. `{orders.order.v1}`. */
  source: (stream: string) => streamKey(stream),
  /** Entries that one consumer group gave up on, with the reason. */
  deadLetter: (stream: string, group: string) => `${streamKey(stream)}:dead-letter:${group}`,
  /** Dead letters sent back to the one group that failed them (never to the source stream). */
  redrive: (stream: string, group: string) => `${streamKey(stream)}:redrive:${group}`,
  /**
   * A hash of the entries each group lost to the stream's cap (group → count), kept by the
   * producer's trimmer: what `/.well-known/data-product` and the catalog report.
   */
  lost: (stream: string) => `${streamKey(stream)}:lost`,
};

/** Recovers the stream name from a key made by `streamKeys`. */
export { streamNameOf } from '@mesh/contract-kit';
