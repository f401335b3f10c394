import { type FactoryProvider, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type RedisConfig,redisConfig } from '../config/redis-config';
import { deleteRowsOlderThan } from '../sweep/delete-rows-older-than';
import { PeriodicSweep } from '../sweep/periodic-sweep';

/** The inbox of a TypeORM domain, pruned on a schedule; it starts and stops with the app. */
export class InboxPruner {
  private readonly log = new Logger(InboxPruner.name);
  private readonly sweep: PeriodicSweep;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keptMs: number,
    everyMs: number,
  ) {
    this.sweep = new PeriodicSweep(
      everyMs,
      () => this.prune(),
      (error) => this.log.warn(`pruning the inbox failed: ${error.message}`),
    );
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sweep.stop();
  }

  /**
   * Deletes the records of events applied more than `keptMs` before `now`: past the streams' cap
   * and the dead-letter window, no delivery of them can come, so nothing is left to guard against.
   */
  prune(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.keptMs);
    return deleteRowsOlderThan(this.dataSource, { table: 'mesh_inbox', timeColumn: 'applied_at' }, before);
  }
}

/** InboxPruner with `INBOX_KEPT_DAYS` (30), every `STREAM_TRIM_INTERVAL_SECONDS`; needs the domain's DataSource. */
export const inboxPrunerProvider: FactoryProvider<InboxPruner> = {
  provide: InboxPruner,
  inject: [DataSource, redisConfig.KEY],
  useFactory: (dataSource: DataSource, redis: RedisConfig) =>
    new InboxPruner(dataSource, redis.retention.inboxKeptMs, redis.retention.intervalMs),
};
