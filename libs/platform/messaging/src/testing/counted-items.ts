import { createEvent, EventContract, EventEnvelope } from '@mesh/contract-kit';
import { Connection, Model, Schema } from 'mongoose';

import { MongoOutbox } from '../outbox-mongoose/mongo-outbox';
import { outboxPlugin } from '../outbox-mongoose/outbox-field';

/** A document that counts, each change announced by a `test.item.counted` event. */
export interface CountedItem {
  _id: string;
  total: number;
}

export function countedItemModel(connection: Connection, name = 'CountedItem'): Model<CountedItem> {
  const schema = new Schema<CountedItem>({ _id: String, total: { type: Number, default: 0 } });
  outboxPlugin(schema);
  return connection.model<CountedItem>(name, schema);
}

type Counted = EventContract<{ itemId: string; amount: number }>;

/**
 * Creates `subjects` items, then changes each `perSubject` times with one event per change:
 * items are changed concurrently, each item's changes one after another, so that `amount`
 * (the change's sequence number) rises along each item's outbox.
 * @returns the events written, in the order of their changes.
 */
export async function countChanges(
  items: Model<CountedItem>,
  outbox: MongoOutbox,
  contract: Counted,
  options: { subjects: number; perSubject: number; prefix?: string },
): Promise<EventEnvelope[]> {
  const { subjects, perSubject, prefix = 'item' } = options;
  const ids = Array.from({ length: subjects }, (_, index) => `${prefix}-${index}`);
  await items.insertMany(ids.map((_id) => ({ _id, total: 0 })));
  const written: EventEnvelope[] = [];
  await Promise.all(
    ids.map(async (itemId) => {
      for (let amount = 0; amount < perSubject; amount += 1) {
        const event = createEvent(contract, { subject: itemId, data: { itemId, amount } });
        await items.updateOne({ _id: itemId }, outbox.withEvents({ $inc: { total: amount } }, [event]));
        written.push(event);
      }
    }),
  );
  return written;
}
