import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';

import { idempotencyConfig } from '../config/idempotency.config';

/** Rows per DELETE: short transactions that never hold many locks, whatever the backlog. */
const CHUNK = 1_000;
/** The longest wait between two sweeps; shorter when the time to live is short. */
const MAX_SWEEP_INTERVAL_MS = 15 * 60_000;

/**
 * Deletes the Idempotency-Keys older than their time to live, so that `idempotency_keys` holds
 * about a day of orders rather than all of them. Every replica sweeps; `SKIP LOCKED` lets them
 * share a backlog instead of waiting on each other's rows.
 */
@Injectable()
export class ExpiredIdempotencyKeys implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(ExpiredIdempotencyKeys.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(idempotencyConfig.KEY) private readonly config: ConfigType<typeof idempotencyConfig>,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.min(MAX_SWEEP_INTERVAL_MS, Math.ceil(this.config.keyTtlMs / 4));
    this.timer = setInterval(() => {
      this.sweeping = this.deleteExpired().catch((error: unknown) =>
        // The next sweep tries again: expired keys only take room until then.
        this.log.warn(`deleting expired idempotency keys failed: ${(error as Error).message}`),
      );
    }, every);
    // A sweep is never a reason to keep the process alive.
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Deletes every key created before `now` minus the time to live; returns how many. */
  async deleteExpired(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.keyTtlMs);
    let deleted = 0;
    for (;;) {
      const [, count] = await this.dataSource.query<[unknown, number]>(
        `DELETE FROM idempotency_keys WHERE key IN (
           SELECT key FROM idempotency_keys WHERE created_at < $1
           ORDER BY created_at LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED)`,
        [before],
      );
      deleted += count;
      if (count < CHUNK) return deleted;
    }
  }
}
