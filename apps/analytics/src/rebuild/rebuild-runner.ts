import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

import { StreamsRedis } from '../messaging/streams-redis';
import { ProjectionWriter } from '../projections/projection-writer';
import { cleanUpStep } from './clean-up-step';
import { RebuildProgress } from './rebuild-progress';
import { type RebuildSession, RebuildStore } from './rebuild-store';
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
    private readonly store: RebuildStore,
    private readonly writer: ProjectionWriter,
    private readonly redis: StreamsRedis,
  ) {}

  /** A rebuild interrupted by shutdown fails this attempt; BullMQ retries it later. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async run(job: Job): Promise<RebuildResult> {
    const replay = new ReplayConsumer(this.redis.client, `analytics-rebuild-${job.id}`, REPLAY_CONCURRENCY);
    const session = await this.store.open(replay.group, REPLAY_CONCURRENCY);
    const cleanUp = (what: string, step: () => Promise<unknown>) => cleanUpStep(this.log, what, step);
    try {
      // Leftovers of an earlier attempt of this job: start from nothing.
      await replay.remove();
      await session.clearInbox();
      await session.createNextTables();
      const progress = new RebuildProgress(
        await replay.entryCount(),
        (percent) => void job.updateProgress(percent).catch(() => undefined),
        (line) => this.log.log(`rebuild ${job.id}: ${line}`),
      );
      progress.started();
      await this.replayIntoNextTables(session, replay, progress);
      await swapWhenCaughtUp(session, replay, () => this.abortOnShutdown());
      progress.swapped();
      return { eventsReplayed: progress.events, deadLettered: replay.deadLettered };
    } catch (error) {
      // Stop writing to the _next tables before dropping them.
      await cleanUp('stopping the replay', () => replay.stop());
      await cleanUp('dropping the _next tables', () => session.dropNextTables());
      await cleanUp('clearing the rebuild inbox', () => session.clearInbox());
      throw error;
    } finally {
      await cleanUp('stopping the replay', () => replay.stop());
      // A group left behind would keep stream retention from trimming what it has not read.
      await cleanUp(`removing group ${replay.group}`, () => replay.remove());
      await cleanUp('closing the rebuild connections', () => session.close());
    }
  }

  private async replayIntoNextTables(session: RebuildSession, replay: ReplayConsumer, progress: RebuildProgress) {
    await replay.start(async (event) => {
      await session.applyOnce(event, (writes) => this.writer.apply(writes, event));
      progress.eventReplayed();
    });
    await replay.waitUntilCaughtUp(() => this.abortOnShutdown());
  }

  private abortOnShutdown(): void {
    if (this.stopping) throw new Error('rebuild interrupted by shutdown; BullMQ retries it');
  }
}
