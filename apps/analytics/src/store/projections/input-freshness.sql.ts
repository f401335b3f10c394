import type { EntityManager } from 'typeorm';

/**
 * Remembers the time of the newest event applied from an input stream, in the handler's
 * transaction: freshness then never claims an event whose effect rolled back.
 */
export async function recordFreshness(manager: EntityManager, stream: string, eventTime: string): Promise<void> {
  await manager.query(
    `INSERT INTO input_freshness AS f (stream, newest_event_at, applied_at) VALUES ($1, $2, now())
     ON CONFLICT (stream) DO UPDATE SET
       newest_event_at = GREATEST(f.newest_event_at, EXCLUDED.newest_event_at),
       applied_at = now()`,
    [stream, eventTime],
  );
}
