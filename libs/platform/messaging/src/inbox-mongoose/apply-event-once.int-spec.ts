import { Connection, Model, Schema } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';

import { dropTestDatabase, openTestDatabase } from '../testing/mongo-test-database';
import { applyEventOnce } from './apply-event-once';
import { inboxPlugin } from './inbox-field';

interface Tally {
  _id: string;
  orders: number;
  spent: number;
}

describe('applyEventOnce', () => {
  let connection: Connection;
  let tallies: Model<Tally>;

  const placeOrder = (
    tallyId: string,
    eventId: string,
    amount = 10,
    options: { keep?: number; upsert?: boolean } = {},
  ) =>
    applyEventOnce(tallies, {
      filter: { _id: tallyId },
      eventId,
      update: { $inc: { orders: 1, spent: amount } },
      ...options,
    });
  const stored = (_id: string) => tallies.collection.findOne({ _id } as never);

  beforeAll(async () => {
    connection = await openTestDatabase('inbox_apply');
    const schema = new Schema<Tally>({
      _id: String,
      orders: { type: Number, default: 0 },
      spent: { type: Number, default: 0 },
    });
    inboxPlugin(schema);
    tallies = connection.model<Tally>('Tally', schema);
  });

  afterAll(() => dropTestDatabase(connection));

  it('applies the same event once, however often it comes', async () => {
    await tallies.create({ _id: 'a' });
    const eventId = uuidv7();

    expect(await placeOrder('a', eventId)).toBe(true);
    expect(await placeOrder('a', eventId)).toBe(false);
    expect(await placeOrder('a', eventId)).toBe(false);

    expect(await stored('a')).toMatchObject({ orders: 1, spent: 10, _inbox: [eventId] });
  });

  it('applies different events each once', async () => {
    await tallies.create({ _id: 'b' });
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    for (const eventId of [...ids, ...ids]) await placeOrder('b', eventId, 5);
    expect(await stored('b')).toMatchObject({ orders: 3, spent: 15, _inbox: ids });
  });

  it('reports an event for a document that does not exist as not applied', async () => {
    expect(await placeOrder('missing', uuidv7())).toBe(false);
    expect(await stored('missing')).toBeNull();
  });

  it('creates the document when asked, and still applies the event once', async () => {
    const eventId = uuidv7();
    expect(await placeOrder('c', eventId, 7, { upsert: true })).toBe(true);
    expect(await placeOrder('c', eventId, 7, { upsert: true })).toBe(false);
    expect(await stored('c')).toMatchObject({ orders: 1, spent: 7, _inbox: [eventId] });
  });

  it('remembers the latest `keep` ids (trimming a tenth over), and still recognises the recent ones', async () => {
    await tallies.create({ _id: 'd' });
    const ids = Array.from({ length: 45 }, () => uuidv7());
    for (const eventId of ids) await placeOrder('d', eventId, 1, { keep: 20 });

    const remembered = (await stored('d'))?.['_inbox'] as string[];
    expect(remembered.length).toBeGreaterThanOrEqual(20);
    expect(remembered.length).toBeLessThanOrEqual(22);
    expect(remembered).toEqual(ids.slice(-remembered.length));
    expect(await placeOrder('d', ids[44], 1, { keep: 20 })).toBe(false);
    expect(await placeOrder('d', ids[30], 1, { keep: 20 })).toBe(false);
    expect((await stored('d'))?.['orders']).toBe(45);
  });

  it('refuses a model without the inbox field, which would apply every event every time', async () => {
    const plain = connection.model('PlainTally', new Schema({ _id: String, orders: Number }));
    await expect(
      applyEventOnce(plain, { filter: { _id: 'x' }, eventId: uuidv7(), update: { $inc: { orders: 1 } } }),
    ).rejects.toThrow(/the schema has no _inbox field; apply inboxPlugin/);
  });

  it('refuses a replacement and a filter or update that touch the inbox field', async () => {
    const attempt = (filter: object, update: object) =>
      applyEventOnce(tallies, { filter, eventId: uuidv7(), update } as never);
    await expect(attempt({ _id: 'a' }, { orders: 5 })).rejects.toThrow(/use update operators/);
    await expect(attempt({ _id: 'a', _inbox: 'x' }, { $inc: { orders: 1 } })).rejects.toThrow(
      /leave _inbox to the inbox/,
    );
    await expect(attempt({ _id: 'a' }, { $push: { _inbox: 'x' } })).rejects.toThrow(/leave _inbox to the inbox/);
  });
});
