import type { EventEnvelope, StreamEntryFields } from '@mesh/contract-kit';

/** One stream entry handed to this consumer, from a read or a claim. */
export interface Delivery {
  /** The Redis key it was read from: the source stream or this group's redrive stream. */
  key: string;
  /** The stream (output port) name, e.g. `orders.order.v1`. */
  stream: string;
  entryId: string;
  fields: StreamEntryFields;
  /** How many times it has been delivered to this group, this delivery included. */
  deliveryCount: number;
}

/** What a handler learns about the event beyond its data. */
export interface DeliveryInfo {
  group: string;
  stream: string;
  entryId: string;
  deliveryCount: number;
  redriven: boolean;
}

export type EventHandler = (event: EventEnvelope, delivery: DeliveryInfo) => Promise<void>;
