import type { DataSource, EntityManager } from 'typeorm';

/**
 * At the swap, every event the rebuild applied counts as applied for the live group too: the
 * live consumer, behind on the stream, must not apply those events again to the swapped-in tables.
 */
export async function adoptRebuildInbox(manager: EntityManager, rebuildGroup: string, liveGroup: string): Promise<void> {
  await manager.query(
    `INSERT INTO mesh_inbox (consumer_group, event_id, applied_at)
     SELECT $1, event_id, applied_at FROM mesh_inbox WHERE consumer_group = $2
     ON CONFLICT (consumer_group, event_id) DO NOTHING`,
    [liveGroup, rebuildGroup],
  );
  await clearRebuildInbox(manager, rebuildGroup);
}

export async function clearRebuildInbox(database: Pick<DataSource | EntityManager, 'query'>, group: string) {
  await database.query(`DELETE FROM mesh_inbox WHERE consumer_group = $1`, [group]);
}
