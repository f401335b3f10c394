import type { Logger } from '@nestjs/common';

/** Runs one clean-up step, logging its failure: clean-up must not hide the rebuild's own outcome. */
export async function cleanUpStep(log: Logger, what: string, step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    log.warn(`rebuild clean-up: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
