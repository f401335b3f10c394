import type { Redis } from 'ioredis';

import { RetentionPolicy, trimStream, TrimResult } from './trim-stream';

export interface StreamRetentionOptions extends RetentionPolicy {
  /** The producer's output streams: a domain trims the streams it publishes. */
  streams: string[];
  intervalMs?: number;
  onTrimmed?: (result: TrimResult) => void;
  onProblem?: (message: string, error: unknown) => void;
}

/** Trims a producer's streams on a schedule (see trimStream for what is kept). */
export class StreamRetention {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly options: StreamRetentionOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.round = this.round.then(() => this.trimAll());
    }, this.options.intervalMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  async trimAll(): Promise<void> {
    for (const stream of this.options.streams) {
      try {
        this.options.onTrimmed?.(await trimStream(this.redis, stream, this.options));
      } catch (error) {
        this.options.onProblem?.(`trimming ${stream} failed`, error);
      }
    }
  }
}
