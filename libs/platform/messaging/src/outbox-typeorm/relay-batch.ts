import type { EventCatalog } from '@mesh/contract-kit';
import type { Redis } from 'ioredis';
import type { QueryRunner } from 'typeorm';

import type { EventPublisher } from '../publisher/event-publisher';
import { alreadyPublished } from './already-published';
import { markSent, nextUnsent, UnsentRow } from './outbox-queries';

/** What one batch needs: the lock's connection, where to publish, and how much to take. */
export interface BatchContext {
  runner: QueryRunner;
  redis: Redis;
  publisher: EventPublisher;
  catalog: EventCatalog;
  batchSize: number;
  dedupeWindow: number;
}

export interface BatchResult {
  /** Rows marked sent: published now or found on their stream already. */
  rows: number;
  published: number;
  alreadyOnStream: number;
}

/**
 * Publishes the oldest unsent rows in order with one pipeline of XADDs, then marks them sent.
 * When `uncertain` (after a failure or a takeover) it first skips the events that are already
 * on their streams. The rows are read and marked on the lock's connection: if the lock is lost
 * meanwhile, marking fails and the next holder, which checks the tails first, marks them.
 */
export async function relayBatch(context: BatchContext, uncertain: boolean): Promise<BatchResult> {
  const { runner, redis, publisher, batchSize, dedupeWindow } = context;
  const rows = await nextUnsent(runner, batchSize);
  if (rows.length === 0) return { rows: 0, published: 0, alreadyOnStream: 0 };

  const targets = rows.map((row) => ({ eventId: row.eventId, stream: targetStream(context.catalog, row) }));
  const onStream = uncertain ? await alreadyPublished(redis, targets, dedupeWindow) : new Set<string>();
  const toPublish = rows.filter((row) => !onStream.has(row.eventId));
  await publisher.publishBatch(toPublish.map((row) => row.envelope));
  await markSent(
    runner,
    rows.map((row) => row.position),
  );
  return { rows: rows.length, published: toPublish.length, alreadyOnStream: onStream.size };
}

/** Where the publisher will write the event: the stream its contract names now. */
function targetStream(catalog: EventCatalog, row: UnsentRow): string {
  return catalog.get(row.envelope.type)?.stream ?? row.stream;
}
