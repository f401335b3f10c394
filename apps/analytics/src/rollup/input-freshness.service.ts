import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';

import { InputFreshnessStore } from './input-freshness-store';

/**
 * How far behind its inputs analytics is: the age of the newest applied event per input stream.
 * The rollup records it in the store; the gauge reads it live at each scrape.
 */
@Injectable()
export class InputFreshness {
  constructor(
    private readonly freshness: InputFreshnessStore,
    registry: Registry,
  ) {
    const read = () => this.freshness.ages(new Date());
    new Gauge({
      name: 'analytics_input_freshness_seconds',
      help: 'Age of the newest event applied from each input stream',
      labelNames: ['stream'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const [stream, age] of Object.entries(await read())) this.set({ stream }, age);
      },
    });
  }

  /** Stores each stream's age as of `now` and returns it, in seconds. */
  record(now: Date): Promise<Record<string, number>> {
    return this.freshness.recordAges(now);
  }
}
