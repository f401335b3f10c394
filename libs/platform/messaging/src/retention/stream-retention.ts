import type { DataProductManifest } from '@mesh/contract-kit';
import type { RedisClient } from '@mesh/service';

import type { ReplayOverride } from '../config/bus-retention';
import { streamKeys } from '../streams/stream-keys';
import { type GroupBehind, trimByAge, type TrimResult,trimStream } from './trim-stream';

const HOUR_MS = 3_600_000;

export interface RetentionObserver {
  /** Trimming starts with the declared replay windows replaced (`replayOverride`). */
  overridden?(override: ReplayOverride): void;
  trimmed?(result: TrimResult): void;
  /** A group lost entries to a stream's cap: it had fallen further behind than the cap. */
  groupBehind?(stream: string, behind: GroupBehind): void;
  problem?(message: string, error: unknown): void;
}

export interface StreamRetentionOptions {
  /** The domain's manifest: its output streams with their replay, and its input groups. */
  manifest: DataProductManifest;
  /** Replaces every output stream's declared replay (a soak's minutes instead of days). */
  replayOverride?: ReplayOverride;
  /** Entries of the domain's dead-letter and redrive streams older than this go. */
  deadLettersKeptMs: number;
  intervalMs: number;
  /** Whether this replica trims now: one replica of the domain at a time (e.g. the outbox relay's lease holder). */
  isTrimmer: () => boolean;
  observer?: RetentionObserver;
}

/**
 * Keeps a domain's streams bounded: on a schedule, the replica that is the trimmer trims each of
 * its output streams by the stream's replay window and cap (trimStream), and the dead-letter and
 * redrive streams of its own input groups by age. The other replicas skip the round.
 */
export class StreamRetention {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: RedisClient,
    private readonly options: StreamRetentionOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.replayOverride) this.options.observer?.overridden?.(this.options.replayOverride);
    this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
    this.redis.disconnect();
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.options.isTrimmer()) this.round = this.round.then(() => this.trimAll());
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  /** One round over every stream; a failure on one stream is reported and does not stop the others. */
  async trimAll(): Promise<void> {
    const { manifest, deadLettersKeptMs, replayOverride, observer } = this.options;
    for (const port of manifest.outputPorts.streams) {
      await this.attempt(`trimming ${port.stream}`, async () => {
        const policy = replayOverride ?? {
          windowMs: port.replay.windowHours * HOUR_MS,
          capMs: port.replay.capHours * HOUR_MS,
        };
        const result = await trimStream(this.redis, port.stream, policy);
        observer?.trimmed?.(result);
        for (const behind of result.behind) {
          // Counted in Redis, not in this replica: whichever replica trims next, and the status
          // endpoint of every replica, see the same total.
          await this.redis.hincrby(streamKeys.lost(port.stream), behind.group, behind.lost);
          observer?.groupBehind?.(port.stream, behind);
        }
      });
    }
    for (const { stream, group } of manifest.inputPorts) {
      for (const key of [streamKeys.deadLetter(stream, group), streamKeys.redrive(stream, group)]) {
        await this.attempt(`trimming ${key}`, () => trimByAge(this.redis, key, deadLettersKeptMs));
      }
    }
  }

  private async attempt(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.options.observer?.problem?.(`${what} failed`, error);
    }
  }
}
