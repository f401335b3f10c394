import type { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The rebuild's own small pool: live handlers held back by the swap lock keep their connections
 * of the main pool, and must not keep the rebuild from the ones it needs to finish.
 */
export function openRebuildDataSource(url: string, handlers: number): Promise<DataSource> {
  // One connection more than the handlers, for the swap transaction.
  return new DataSource({ type: 'postgres', url, poolSize: handlers + 1 }).initialize();
}

/** Runs one clean-up step, logging its failure: clean-up must not hide the rebuild's own outcome. */
export async function cleanUpStep(log: Logger, what: string, step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    log.warn(`rebuild clean-up: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
