import type { RedisClient } from '@mesh/service';

/**
 * Creates the group on each key if it is missing (MKSTREAM creates the stream too). Safe to
 * call any number of times: BUSYGROUP means another replica, or an earlier start, was first.
 */
export async function ensureGroups(redis: RedisClient, keys: string[], group: string, startId: '$' | '0'): Promise<void> {
  for (const key of keys) {
    try {
      await redis.xgroup('CREATE', key, group, startId, 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) {
        // The cause's words (WRONGTYPE, NOPERM …) are what tells an operator what to fix.
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`creating consumer group ${group} on ${key} failed: ${reason}`, { cause: error });
      }
    }
  }
}

/** True for the error Redis gives when a stream was flushed or its group destroyed. */
export function isMissingGroup(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOGROUP');
}
