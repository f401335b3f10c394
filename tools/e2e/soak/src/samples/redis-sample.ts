import { readGroups } from '@mesh/messaging';
import { isCluster, type RedisClient } from '@mesh/service';

import { withRedis } from '../../../kit/src/stream-groups';
import type { SeriesTable } from './series-table';

/**
 * The mesh's streams, trimmed by age: an output port (`{orders.order.v1}`) and its dead-letter and
 * redrive streams. Anything else (BullMQ's event log of a queue) is trimmed by length.
 */
const KEPT_BY_AGE = /^\{[^}]+\}(:(dead-letter|redrive):[^:]+)?$/;

/**
 * Redis as the soak sees it: `used_memory`, the length of every stream (output ports, dead-letter
 * and redrive streams alike: the run's Redis holds nothing else) and, for a stream kept by age, the
 * age of its oldest entry (judged in place of the length: see `Series.judgedBy`); the consumers of
 * each group, which must not pile up while replicas are killed, and each group's backlog
 * (undelivered plus pending), which must not grow.
 */
export async function sampleRedis(redisUrl: string, table: SeriesTable): Promise<void> {
  await withRedis(redisUrl, async (redis) => {
    const memory = /^used_memory:(\d+)/m.exec(await redis.info('memory'));
    if (memory) table.record('redis used_memory', 'bytes', Number(memory[1]));
    for (const key of await streamKeysOf(redis)) {
      if (KEPT_BY_AGE.test(key)) {
        const ageSeries = `stream ${key} oldest entry age`;
        table.record(`stream ${key}`, 'entries', await redis.xlen(key), { judgedBy: ageSeries });
        const [oldest] = await redis.xrange(key, '-', '+', 'COUNT', 1);
        // An entry id starts with the milliseconds of its XADD (the mesh lets Redis assign it).
        if (oldest) table.record(ageSeries, 'seconds', (Date.now() - Number(oldest[0].split('-')[0])) / 1_000);
      } else {
        table.record(`stream ${key}`, 'entries', await redis.xlen(key));
      }
      for (const group of await readGroups(redis, key)) {
        table.record(`consumers of group ${group.name} on ${key}`, 'consumers', group.consumers);
        // A backlog that keeps growing is a consumer that cannot keep up: it will lose entries to the cap.
        if (group.lag !== null)
          table.record(`backlog of group ${group.name} on ${key}`, 'entries', group.lag + group.pending);
      }
    }
  });
}

async function streamKeysOf(redis: RedisClient): Promise<string[]> {
  // SCAN walks one node: the soak's Redis is one server of its own.
  if (isCluster(redis)) throw new Error('the soak samples one Redis server, not a cluster');
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'COUNT', 1_000, 'TYPE', 'stream');
    keys.push(...found);
    cursor = next;
  } while (cursor !== '0');
  return keys.sort();
}
