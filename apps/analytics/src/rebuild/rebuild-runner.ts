import { TypeormInbox } from '@mesh/messaging/typeorm';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';

import { analyticsDatabase } from '../config/analytics-database.config';
import { StreamsRedis } from '../messaging/streams-redis';
import { NEXT_TABLES } from '../projections/projection-tables';
import { ProjectionWriter } from '../projections/projection-writer';
import { createNextTables, dropNextTables } from './next-tables.sql';
import { clearRebuildInbox } from './rebuild-inbox.sql';
import { RebuildProgress } from './rebuild-progress';
import { cleanUpStep, openRebuildDataSource } from './rebuild-resources';
import { ReplayConsumer } from './replay-consumer';
import { swapWhenCaughtUp } from './swap-when-caught-up';

const REPLAY_CONCURRENCY = 4;

export interface RebuildResult {
  eventsReplayed: number;
  deadLettered: number;
}

/**
 * Rebuilds every projection from the input streams' history into `_next` tables, with the live
 * handlers' projection code and an inbox group of its own, then swaps them in.
 */
@Injectable()
export class RebuildRunner implements BeforeApplicationShutdown {
  private readonly log = new Logger(RebuildRunner.name);
  private stopping = false;

  constructor(
    @Inject(analyticsDatabase.KEY) private readonly database: ConfigType<typeof analyticsDatabase>,
    private readonly writer: ProjectionWriter,
    private readonly redis: StreamsRedis,
  ) {}

  /** A rebuild interrupted by shutdown fails this attempt; BullMQ retries it later. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async run(job: Job): Promise<RebuildResult> {
    const replay = new ReplayConsumer(this.redis.client, `analytics-rebuild-${job.id}`, REPLAY_CONCURRENCY);
    const dataSource = await openRebuildDataSource(this.database.url, REPLAY_CONCURRENCY);
    const cleanUp = (what: string, step: () => Promise<unknown>) => cleanUpStep(this.log, what, step);
    try {
      // Leftovers of an earlier attempt of this job: start from nothing.
      await replay.remove();
      await clearRebuildInbox(dataSource, replay.group);
      await createNextTables(dataSource);
      const progress = new RebuildProgress(
        await replay.entryCount(),
        (percent) => void job.updateProgress(percent).catch(() => undefined),
        (line) => this.log.log(`rebuild ${job.id}: ${line}`),
      );
      progress.started();
      await this.replayIntoNextTables(dataSource, replay, progress);
      await swapWhenCaughtUp(dataSource, replay, () => this.abortOnShutdown());
      progress.swapped();
      return { eventsReplayed: progress.events, deadLettered: replay.deadLettered };
    } catch (error) {
      // Stop writing to the _next tables before dropping them.
      await cleanUp('stopping the replay', () => replay.stop());
      await cleanUp('dropping the _next tables', () => dropNextTables(dataSource));
      await cleanUp('clearing the rebuild inbox', () => clearRebuildInbox(dataSource, replay.group));
      throw error;
    } finally {
      await cleanUp('stopping the replay', () => replay.stop());
      // A group left behind would keep stream retention from trimming what it has not read.
      await cleanUp(`removing group ${replay.group}`, () => replay.remove());
      await cleanUp('closing the rebuild connections', () => dataSource.destroy());
    }
  }

  private async replayIntoNextTables(dataSource: DataSource, replay: ReplayConsumer, progress: RebuildProgress) {
    const inbox = new TypeormInbox(dataSource, replay.group);
    await replay.start(async (event) => {
      await inbox.runOnce(event, (manager) => this.writer.apply(manager, NEXT_TABLES, event));
      progress.eventReplayed();
    });
    await replay.waitUntilCaughtUp(() => this.abortOnShutdown());
  }

  private abortOnShutdown(): void {
    if (this.stopping) throw new Error('rebuild interrupted by shutdown; BullMQ retries it');
  }
}
