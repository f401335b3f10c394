import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { InputFreshnessStore } from '../../rollup/input-freshness-store';

type StreamAge = { stream: string; age: number };

const byStream = (rows: StreamAge[]) => Object.fromEntries(rows.map((row) => [row.stream, row.age]));

/** `input_freshness` in PostgreSQL; the live handlers keep its newest event times (input-freshness.sql.ts). */
@Injectable()
export class SqlInputFreshnessStore extends InputFreshnessStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async recordAges(now: Date): Promise<Record<string, number>> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [rows]: [StreamAge[], number] = await this.dataSource.query(
      `UPDATE input_freshness SET measured_at = $1,
         measured_age_seconds = EXTRACT(EPOCH FROM ($1::timestamptz - newest_event_at))::float8
       RETURNING stream, measured_age_seconds AS age`,
      [now],
    );
    return byStream(rows);
  }

  async ages(now: Date): Promise<Record<string, number>> {
    const rows: StreamAge[] = await this.dataSource.query(
      `SELECT stream, EXTRACT(EPOCH FROM ($1::timestamptz - newest_event_at))::float8 AS age FROM input_freshness`,
      [now],
    );
    return byStream(rows);
  }
}
