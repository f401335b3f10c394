import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/**
 * How far behind its inputs analytics is: the age of the newest applied event per input stream.
 * The rollup records it in `input_freshness`; the gauge reads it live at each scrape.
 */
@Injectable()
export class InputFreshness {
  constructor(
    private readonly dataSource: DataSource,
    registry: Registry,
  ) {
    const read = () => this.ages(new Date());
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
  async record(now: Date): Promise<Record<string, number>> {
    const [rows]: [Array<{ stream: string; age: number }>, number] = await this.dataSource.query(
      `UPDATE input_freshness SET measured_at = $1,
         measured_age_seconds = EXTRACT(EPOCH FROM ($1::timestamptz - newest_event_at))::float8
       RETURNING stream, measured_age_seconds AS age`,
      [now],
    );
    return Object.fromEntries(rows.map((row) => [row.stream, row.age]));
  }

  private async ages(now: Date): Promise<Record<string, number>> {
    const rows: Array<{ stream: string; age: number }> = await this.dataSource.query(
      `SELECT stream, EXTRACT(EPOCH FROM ($1::timestamptz - newest_event_at))::float8 AS age FROM input_freshness`,
      [now],
    );
    return Object.fromEntries(rows.map((row) => [row.stream, row.age]));
  }
}
