import { createEvent, decodeStreamEntry, EventEnvelope } from '@mesh/contract-kit';

import { streamKeys } from '../streams/stream-keys';
import { testRedis } from '../testing/test-redis';
import { countedEvents, deleteStreamKeys, testStream } from '../testing/test-streams';
import { EventPublisher } from './event-publisher';

describe('EventPublisher', () => {
  const redis = testRedis();
  const { stream, itemCounted, catalog } = testStream();
  const publisher = new EventPublisher(redis, catalog);

  afterAll(async () => {
    await deleteStreamKeys(redis, stream);
    await redis.quit();
  });

  beforeEach(() => deleteStreamKeys(redis, stream));

  it('publishes a batch in order to the stream its contract names and returns the entry ids', async () => {
    const events = countedEvents(itemCounted, 250);
    const published = await publisher.publishBatch(events);

    const entries = await redis.xrange(streamKeys.source(stream), '-', '+');
    expect(entries.map(([entryId]) => entryId)).toEqual(published.map((result) => result.entryId));
    expect(entries.map(([, fields]) => decodeStreamEntry(fields))).toEqual(events);
    expect(published[0]).toMatchObject({ eventId: events[0].id, stream });
  });

  it('refuses an invalid event before writing anything, even in a batch', async () => {
    const valid = countedEvents(itemCounted, 2);
    const invalid = { ...valid[1], data: { itemId: 'x', amount: 'many' } } as EventEnvelope;

    await expect(publisher.publishBatch([valid[0], invalid])).rejects.toThrow(/\/amount must be integer \(type\)/);
    expect(await redis.xlen(streamKeys.source(stream))).toBe(0);
  });

  it('refuses an event type that it does not produce', async () => {
    const stranger = testStream().itemCounted;
    const event = createEvent(stranger, { subject: 's', data: { itemId: 's', amount: 1 } });
    await expect(publisher.publish({ ...event, type: 'test.item.unknown' })).rejects.toThrow(
      /not an event type of this producer/,
    );
  });
});
