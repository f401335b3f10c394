import type { RedisClient } from '@mesh/service';

import { withoutAnnotations } from '../consumer/dead-letter';
import { streamKeys } from '../streams/stream-keys';

export interface RedriveResult {
  redriven: number;
}

/**
 * Sends a group's dead letters back to that group only, through its redrive stream, which no
 * other group reads. (Adding them to the source stream would deliver them to every group
 * again.) Each entry moves in one MULTI: added to the redrive stream, deleted from the dead
 * letters. The event keeps its id, so an inbox still applies it at most once.
 */
export async function redrive(redis: RedisClient, stream: string, group: string, limit = Infinity): Promise<RedriveResult> {
  const deadLetters = streamKeys.deadLetter(stream, group);
  const target = streamKeys.redrive(stream, group);
  let redriven = 0;
  let cursor = '-';
  while (redriven < limit) {
    const page = (await redis.xrange(deadLetters, cursor, '+', 'COUNT', Math.min(100, limit - redriven))) as Array<
      [string, string[]]
    >;
    if (page.length === 0) break;
    for (const [entryId, fields] of page) {
      const replies = await redis
        .multi()
        .xadd(target, '*', ...withoutAnnotations(fields), 'redrive.of', entryId)
        .xdel(deadLetters, entryId)
        .exec();
      const failure = replies?.find(([error]) => error)?.[0];
      if (!replies || failure) {
        throw new Error(`redriving ${entryId} from ${deadLetters} failed after ${redriven} entries`, { cause: failure });
      }
      redriven += 1;
    }
    cursor = `(${page[page.length - 1][0]}`;
  }
  return { redriven };
}
