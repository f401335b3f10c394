import type { QueryRunner } from 'typeorm';

import { deleteSentHead } from './outbox-queries';

/** Rows examined per statement, and statements per round, so that cleanup never stalls relaying. */
const chunk = 1_000;
const chunksPerRound = 20;

/** Deletes sent rows older than `retentionMs`, a bounded amount per call. */
export async function deleteExpiredRows(runner: QueryRunner, retentionMs: number, keepGoing: () => boolean) {
  for (let round = 0; round < chunksPerRound && keepGoing(); round += 1) {
    if ((await deleteSentHead(runner, retentionMs, chunk)) < chunk) return;
  }
}
