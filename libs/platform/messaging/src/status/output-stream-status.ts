import type { OutputStreamStatus } from '@mesh/contract-kit';
import type { Redis } from 'ioredis';

import { readGroups } from '../streams/group-info';
import { streamKeys } from '../streams/stream-keys';

/** An output port's length and every group reading it (the consuming domains' lag and pending). */
export async function measureOutputStream(redis: Redis, stream: string): Promise<OutputStreamStatus> {
  const key = streamKeys.source(stream);
  const [length, groups] = await Promise.all([redis.xlen(key), readGroups(redis, key)]);
  return {
    stream,
    length,
    groups: groups.map(({ name, lag, pending, consumers }) => ({ name, lag, pending, consumers })),
  };
}
