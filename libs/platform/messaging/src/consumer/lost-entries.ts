import { duplicateClient, type RedisClient } from '@mesh/service';

import { readGroups } from '../streams/group-info';

/**
 * Entries of `key` that `group` will never get because the producer trimmed them before the group
 * read them (its stream's cap). Redis keeps counting them as lag: once the group has read all there
 * is, a lag above zero is exactly those entries. Then the group's read counter is set to the
 * stream's, so that its lag (and the `mesh_consumer_lag` metric) tells the truth again.
 *
 * The check and the reset are one optimistic transaction (WATCH on the stream, on a connection of
 * its own): an entry added meanwhile aborts it, and the next check tries again.
 * @returns how many entries the group lost; 0 when none, or when it could not tell yet.
 */
export async function settleLostEntries(redis: RedisClient, key: string, group: string): Promise<number> {
  const connection = duplicateClient(redis);
  try {
    await connection.watch(key);
    const info = (await readGroups(connection, key)).find((candidate) => candidate.name === group);
    if (!info?.lag) return 0;
    const after = await connection.xrange(key, `(${info.lastDeliveredId}`, '+', 'COUNT', 1);
    // Entries still to read: the lag may be theirs.
    if (after.length > 0) return 0;
    const added = entriesAdded((await connection.xinfo('STREAM', key)) as unknown[]);
    const reset = await connection
      .multi()
      .xgroup('SETID', key, group, info.lastDeliveredId, 'ENTRIESREAD', added)
      .exec();
    return reset === null ? 0 : info.lag;
  } finally {
    connection.disconnect();
  }
}

function entriesAdded(flat: unknown[]): number {
  const index = flat.indexOf('entries-added');
  return Number(flat[index + 1]);
}
