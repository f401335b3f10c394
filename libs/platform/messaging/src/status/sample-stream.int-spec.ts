import { decodeStreamEntry } from '@mesh/contract-kit';

import { EventPublisher } from '../publisher/event-publisher';
import { readGroups } from '../streams/group-info';
import { streamKeys } from '../streams/stream-keys';
import { countedEvents, testStream } from '../testing/test-streams';
import { statusTestKit } from './status-test-kit';

jest.setTimeout(60_000);

const status = statusTestKit();

describe('the status source’s sample of an output stream (for the data-quality rules)', () => {
  it('reads the newest entries as events, newest first, as many as asked, skipping what is not an event, moving no group', async () => {
    const { stream, itemCounted, catalog } = testStream();
    const key = streamKeys.source(stream);
    const probe = await status.typeormProbe();
    expect(await probe.sampleStream?.(key, 10)).toEqual([]);

    await new EventPublisher(status.redis, catalog).publishBatch(countedEvents(itemCounted, 7));
    await status.redis.xadd(key, '*', 'not', 'an event');
    await status.redis.xgroup('CREATE', key, 'billing', '0');
    const sample = (await probe.sampleStream?.(key, 4)) ?? [];
    const newestEvents = (await status.redis.xrange(key, '-', '+')).slice(-4, -1).reverse();
    expect(sample.map((event) => event.id)).toEqual(newestEvents.map(([, fields]) => decodeStreamEntry(fields).id));
    expect(sample[0]).toMatchObject({
      type: itemCounted.type,
      publishedAt: new Date(Number(newestEvents[0][0].split('-')[0])).toISOString(),
    });
    expect((await readGroups(status.redis, key))[0]).toMatchObject({ name: 'billing', lag: 8, pending: 0 });
  });

  it('fails fast, naming Redis, when Redis is not there', async () => {
    const probe = await status.typeormProbe('redis://127.0.0.1:1', 300);
    await expect(probe.sampleStream?.('{nothing}', 5)).rejects.toThrow(/Redis is not reachable/);
  });
});
