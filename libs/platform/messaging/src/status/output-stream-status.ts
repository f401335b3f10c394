import type { OutputStreamStatus } from '@mesh/contract-kit';
import type { RedisClient } from '@mesh/service';

import { readGroups } from '../streams/group-info';
import { streamKeys } from '../streams/stream-keys';

/** An output port's length and every group reading it (the consuming domains' lag, pending and entries lost to the cap). */
export async function measureOutputStream(redis: RedisClient, stream: string): Promise<OutputStreamStatus> {
  const key = streamKeys.source(stream);
  const [length, groups, lost] = await Promise.all([
    redis.xlen(key),
    readGroups(redis, key),
    redis.hgetall(streamKeys.lost(stream)),
  ]);
  return {
    stream,
    length,
    groups: groups.map(({ name, lag, pending, consumers }) => ({
      name,
      lag,
      pending,
      consumers,
      lostToCap: Number(lost[name] ?? 0),
    })),
  };
}
