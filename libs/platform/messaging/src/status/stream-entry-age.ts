import type { RedisClient } from '@mesh/service';

/** Milliseconds since the epoch at which Redis added the entry: the first part of its id. */
export function entryTimeMs(id: string): number {
  return Number(id.split('-')[0]);
}

/** Age in seconds (millisecond precision) of an entry at `nowMs`, never negative. */
export function entryAgeSeconds(id: string, nowMs: number): number {
  return Math.max(0, Math.round(nowMs - entryTimeMs(id))) / 1000;
}

/** Redis's own clock, in milliseconds since the epoch. */
export async function redisNowMs(redis: RedisClient): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}
