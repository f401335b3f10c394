import { PeriodicSweep } from '@mesh/messaging';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';

import { idempotencyConfig } from '../config/idempotency.config';
import { IdempotencyKeyStore } from './idempotency-key-store';

/** The longest wait between two sweeps; shorter when the time to live is short. */
const MAX_SWEEP_INTERVAL_MS = 15 * 60_000;

/**
 * Deletes the Idempotency-Keys older than their time to live, so that `idempotency_keys` holds
 * about a day of orders rather than all of them. Every replica sweeps (the store deletes in
 * chunks that replicas can share).
 */
@Injectable()
export class ExpiredIdempotencyKeys implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(ExpiredIdempotencyKeys.name);
  private readonly sweep: PeriodicSweep;

  constructor(
    private readonly keys: IdempotencyKeyStore,
    @Inject(idempotencyConfig.KEY) private readonly config: ConfigType<typeof idempotencyConfig>,
  ) {
    this.sweep = new PeriodicSweep(
      Math.min(MAX_SWEEP_INTERVAL_MS, Math.ceil(this.config.keyTtlMs / 4)),
      () => this.deleteExpired(),
      (error) => this.log.warn(`deleting expired idempotency keys failed: ${error.message}`),
    );
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sweep.stop();
  }

  /** Deletes every key created before `now` minus the time to live; returns how many. */
  deleteExpired(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.keyTtlMs);
    return this.keys.deleteCreatedBefore(before);
  }
}
