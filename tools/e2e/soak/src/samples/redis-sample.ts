import { readGroups } from '@mesh/messaging';
import type { Redis } from 'ioredis';

import { withRedis } from '../../../kit/src/stream-groups';
import type { SeriesTable } from './series-table';

/**
 * Redis as the soak sees it: `used_memory`, the length of every stream (output ports, dead-letter
 * and redrive streams alike: the run's Redis holds nothing else), the consumers of each group,
 * which must not pile up while replicas are killed, and each group's backlog (undelivered plus
 * pending), which must not grow.
 */
export async function sampleRedis(redisUrl: string, table: SeriesTable): Promise<void> {
  await withRedis(redisUrl, async (redis) => {
    const memory = /^used_memory:(\d+)/m.exec(await redis.info('memory'));
    if (memory) table.record('redis used_memory', 'bytes', Number(memory[1]));
    for (const key of await streamKeysOf(redis)) {
      table.record(`stream ${key}`, 'entries', await redis.xlen(key));
      for (const group of await readGroups(redis, key)) {
        table.record(`consumers of group ${group.name} on ${key}`, 'consumers', group.consumers);
        // A backlog that keeps growing is a consumer that cannot keep up: it will lose entries to the cap.
        if (group.lag !== null)
          table.record(`backlog of group ${group.name} on ${key}`, 'entries', group.lag + group.pending);
      }
    }
  });
}

async function streamKeysOf(redis: Redis): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'COUNT', 1_000, 'TYPE', 'stream');
    keys.push(...found);
    cursor = next;
  } while (cursor !== '0');
  return keys.sort();
}
