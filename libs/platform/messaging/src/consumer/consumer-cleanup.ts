import type { RedisClient } from '@mesh/service';

/** What XINFO CONSUMERS tells about one consumer of a group. */
export interface ConsumerInfo {
  name: string;
  pending: number;
  /** Milliseconds since the consumer last read or claimed. */
  idleMs: number;
}

export async function readConsumers(redis: RedisClient, key: string, group: string): Promise<ConsumerInfo[]> {
  const reply = (await redis.xinfo('CONSUMERS', key, group)) as unknown[][];
  return reply.map((flat) => {
    const fields = new Map<string, unknown>();
    for (let index = 0; index + 1 < flat.length; index += 2) fields.set(String(flat[index]), flat[index + 1]);
    return {
      name: String(fields.get('name')),
      pending: Number(fields.get('pending')),
      idleMs: Number(fields.get('idle')),
    };
  });
}

/**
 * Removes `consumer` from its group on each key where it holds nothing pending: a replica that
 * stops leaves no trace. Where it still holds entries (a handler failed and the entry waits for
 * its retry) it stays; another replica claims them, and removes the consumer later
 * (removeIdleConsumers).
 * @returns the keys where the consumer was kept for its pending entries.
 */
export async function leaveGroup(
  redis: RedisClient,
  keys: readonly string[],
  group: string,
  consumer: string,
): Promise<string[]> {
  const kept: string[] = [];
  for (const key of keys) {
    const own = (await readConsumers(redis, key, group)).find((candidate) => candidate.name === consumer);
    if (!own) continue;
    if (own.pending > 0 || !(await deleteConsumer(redis, key, group, consumer, consumer))) kept.push(key);
  }
  return kept;
}

/**
 * Removes the group's other consumers that hold nothing pending and have not read for `idleMs`:
 * replicas that crashed, once their pending entries were claimed. A live consumer reads at least
 * every BLOCK period, so a threshold of minutes never touches one (and one removed all the same
 * is made again by its next read).
 * @returns the consumers removed.
 */
export async function removeIdleConsumers(
  redis: RedisClient,
  key: string,
  group: string,
  self: string,
  idleMs: number,
): Promise<string[]> {
  const removed: string[] = [];
  for (const candidate of await readConsumers(redis, key, group)) {
    if (candidate.name === self || candidate.pending > 0 || candidate.idleMs < idleMs) continue;
    if (await deleteConsumer(redis, key, group, candidate.name, self)) removed.push(candidate.name);
  }
  return removed;
}

/**
 * XGROUP DELCONSUMER drops the consumer's pending entries with it, and the group would never
 * deliver them again. Between reading "nothing pending" and the delete, the consumer may have
 * read more: so its pending list is read in the same MULTI as the delete, and whatever it held
 * is put back into the group's pending list, as `heir`'s (XCLAIM FORCE), to be delivered again.
 * @returns whether the consumer held nothing (false: its entries went to `heir`).
 */
export async function deleteConsumer(
  redis: RedisClient,
  key: string,
  group: string,
  consumer: string,
  heir: string,
): Promise<boolean> {
  const replies = await redis
    .multi()
    .xpending(key, group, '-', '+', 10_000, consumer)
    .xgroup('DELCONSUMER', key, group, consumer)
    .exec();
  const [pendingReply, deleteReply] = replies ?? [];
  if (pendingReply?.[0]) throw pendingReply[0];
  if (deleteReply?.[0]) throw deleteReply[0];
  const ids = (pendingReply?.[1] as Array<[string, ...unknown[]]>).map(([id]) => id);
  if (ids.length === 0) return true;
  // `call`: ioredis' XCLAIM overloads do not resolve on a client that may be a cluster.
  await redis.call('XCLAIM', key, group, heir, 0, ...ids, 'FORCE', 'JUSTID');
  return false;
}
