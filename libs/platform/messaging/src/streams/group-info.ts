import type { RedisClient } from '@mesh/service';

/** What XINFO GROUPS tells about one consumer group of a stream. */
export interface GroupInfo {
  name: string;
  consumers: number;
  pending: number;
  lastDeliveredId: string;
  /** Entries not yet delivered to the group; null when Redis cannot tell (after deletions). */
  lag: number | null;
}

/** Reads a stream's consumer groups; a stream that does not exist has none. */
export async function readGroups(redis: RedisClient, key: string): Promise<GroupInfo[]> {
  let reply: unknown[][];
  try {
    reply = (await redis.xinfo('GROUPS', key)) as unknown[][];
  } catch (error) {
    if (error instanceof Error && /no such key/i.test(error.message)) return [];
    throw new Error(`XINFO GROUPS ${key} failed`, { cause: error });
  }
  return reply.map((flat) => {
    const fields = new Map<string, unknown>();
    for (let index = 0; index + 1 < flat.length; index += 2) fields.set(String(flat[index]), flat[index + 1]);
    const lag = fields.get('lag');
    return {
      name: String(fields.get('name')),
      consumers: Number(fields.get('consumers')),
      pending: Number(fields.get('pending')),
      lastDeliveredId: String(fields.get('last-delivered-id')),
      lag: lag === null || lag === undefined ? null : Number(lag),
    };
  });
}
