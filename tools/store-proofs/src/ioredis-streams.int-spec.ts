import Redis from 'ioredis';

import { storeUrl, uniqueName } from './store-url';

describe('ioredis against Redis Streams', () => {
  const stream = `${uniqueName('proof')}.stream`;
  const group = 'proof-consumers';
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(storeUrl('REDIS_URL'), { lazyConnect: false, maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    await redis.del(stream);
    redis.disconnect();
  });

  it('adds entries, reads them through a consumer group and acknowledges them', async () => {
    await redis.xgroup('CREATE', stream, group, '$', 'MKSTREAM');
    const firstId = await redis.xadd(stream, '*', 'type', 'proof.placed', 'data', '{"n":1}');
    const secondId = await redis.xadd(stream, '*', 'type', 'proof.placed', 'data', '{"n":2}');

    const reply = (await redis.xreadgroup('GROUP', group, 'consumer-1', 'COUNT', 10, 'STREAMS', stream, '>')) as Array<
      [string, Array<[string, string[]]>]
    >;
    const entries = reply[0][1];
    expect(entries.map(([id]) => id)).toEqual([firstId, secondId]);
    expect(entries[1][1]).toEqual(['type', 'proof.placed', 'data', '{"n":2}']);

    const [pendingBefore] = (await redis.xpending(stream, group)) as [number];
    expect(pendingBefore).toBe(2);

    expect(await redis.xack(stream, group, firstId as string, secondId as string)).toBe(2);
    const [pendingAfter] = (await redis.xpending(stream, group)) as [number];
    expect(pendingAfter).toBe(0);
  });

  it('refuses to create the same group twice (BUSYGROUP), which callers treat as success', async () => {
    await expect(redis.xgroup('CREATE', stream, group, '$', 'MKSTREAM')).rejects.toThrow(/BUSYGROUP/);
  });
});
