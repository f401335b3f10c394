import { createEvent, EventEnvelope } from '@mesh/contract-kit';
import { Connection, Model } from 'mongoose';

import { CountedItem, countedItemModel } from '../testing/counted-items';
import { dropTestDatabase, openTestDatabase } from '../testing/mongo-test-database';
import { testStream } from '../testing/test-streams';
import { MongoOutbox } from './mongo-outbox';
import { fromPendingEvent, toPendingEvent } from './pending-event';

describe('MongoOutbox', () => {
  const { catalog, itemCounted, itemNoted } = testStream();
  const outbox = new MongoOutbox(catalog);
  let connection: Connection;
  let items: Model<CountedItem>;

  const counted = (itemId: string, amount: number) =>
    createEvent(itemCounted, { subject: itemId, data: { itemId, amount } });
  const stored = (_id: string) => items.collection.findOne({ _id } as never);

  beforeAll(async () => {
    connection = await openTestDatabase('outbox_writes');
    items = countedItemModel(connection);
  });

  afterAll(() => dropTestDatabase(connection));

  describe('documentWithEvents', () => {
    it('stores a new document and its events in one create, as strings in event order', async () => {
      const events = [counted('a', 1), counted('a', 2)];
      await items.create(outbox.documentWithEvents({ _id: 'a', total: 3 }, events));

      const document = await stored('a');
      expect(document).toMatchObject({ _id: 'a', total: 3, _outbox: events.map(toPendingEvent) });
      expect(document?.['_outbox'].map(fromPendingEvent)).toEqual(events);
      expect(Object.values(document?.['_outbox'][0]).every((value) => typeof value === 'string')).toBe(true);
    });

    it('refuses a document with an invalid event, so that nothing is inserted', async () => {
      const invalid = { ...counted('b', 1), data: { itemId: 'b', amount: 'many' } } as EventEnvelope;
      await expect(async () =>
        items.create(outbox.documentWithEvents({ _id: 'b', total: 1 }, [invalid])),
      ).rejects.toThrow(/refusing to store test.item.counted .* \/amount must be integer \(type\)/);
      expect(await stored('b')).toBeNull();
    });
  });

  describe('withEvents', () => {
    it('writes a change and its events in one update, after the events already pending', async () => {
      const first = counted('c', 1);
      await items.create(outbox.documentWithEvents({ _id: 'c', total: 1 }, [first]));
      const next = [counted('c', 2), createEvent(itemNoted, { subject: 'c', data: { itemId: 'c', note: 'two' } })];

      const result = await items.updateOne({ _id: 'c' }, outbox.withEvents({ $inc: { total: 2 } }, next));

      expect(result.modifiedCount).toBe(1);
      expect(await stored('c')).toMatchObject({ total: 3, _outbox: [first, ...next].map(toPendingEvent) });
    });

    it('works with findOneAndUpdate and an upsert', async () => {
      const event = counted('d', 5);
      const after = await items
        .findOneAndUpdate({ _id: 'd' }, outbox.withEvents({ $inc: { total: 5 } }, [event]), {
          upsert: true,
          returnDocument: 'after',
        })
        .lean();
      expect(after).toMatchObject({ _id: 'd', total: 5, _outbox: [toPendingEvent(event)] });
    });

    it.each([
      ['invalid data', (event: EventEnvelope) => ({ ...event, data: { itemId: 'e' } }), /\/amount is required/],
      ['an unknown type', (event: EventEnvelope) => ({ ...event, type: 'test.item.lost' }), /not an event type/],
      [
        'another dataschema',
        (event: EventEnvelope) => ({ ...event, dataschema: 'urn:mesh:schema:test.item.counted:v2' }),
        /dataschema urn:mesh:schema:test.item.counted:v2/,
      ],
      ['an id that is not a UUIDv7', (event: EventEnvelope) => ({ ...event, id: 'e-1' }), /is not a UUIDv7/],
    ])('refuses %s, so that the document is left unchanged', async (_case, spoil, reason) => {
      await items.create(outbox.documentWithEvents({ _id: `e-${_case}`, total: 1 }, [counted(`e-${_case}`, 1)]));
      const before = await stored(`e-${_case}`);
      const valid = counted(`e-${_case}`, 2);

      const write = async () =>
        items.updateOne({ _id: `e-${_case}` }, outbox.withEvents({ $inc: { total: 2 } }, [valid, spoil(valid)]));

      await expect(write).rejects.toThrow(reason);
      expect(await stored(`e-${_case}`)).toEqual(before);
    });

    it('refuses a replacement, which would overwrite the pending events', () => {
      expect(() => outbox.withEvents({ total: 4 }, [counted('f', 1)])).toThrow(/not a replacement or pipeline/);
    });

    it('refuses an update that pushes to the outbox itself', () => {
      expect(() => outbox.withEvents({ $push: { _outbox: {} } }, [counted('f', 1)])).toThrow(/already pushes/);
    });

    it('leaves an update without events as it is', () => {
      const update = { $inc: { total: 1 } };
      expect(outbox.withEvents(update, [])).toBe(update);
    });
  });
});
