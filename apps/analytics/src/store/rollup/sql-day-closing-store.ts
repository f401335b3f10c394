import type { DailySales } from '@mesh/analytics-contracts';
import type { EventEnvelope } from '@mesh/contract-kit';
import { TypeormOutbox } from '@mesh/messaging/typeorm';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { DayClosingStore } from '../../rollup/day-closing-store';
import { LIVE_TABLES } from '../projection-tables';
import { selectDailySales } from '../reads/daily-sales.sql';

/**
 * `closed_sales_days` in PostgreSQL, next to the live daily sales and the outbox: the claim of a
 * day (its row, inserted once) and its events commit together, so only one replica publishes it.
 */
@Injectable()
export class SqlDayClosingStore extends DayClosingStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: TypeormOutbox,
  ) {
    super();
  }

  async openDaysBefore(today: string): Promise<string[]> {
    const open: Array<{ day: string }> = await this.dataSource.query(
      `SELECT DISTINCT to_char(s.day, 'YYYY-MM-DD') AS day FROM ${LIVE_TABLES.dailySales} s
       WHERE s.day < $1 AND NOT EXISTS (SELECT 1 FROM closed_sales_days c WHERE c.day = s.day)
       ORDER BY day`,
      [today],
    );
    return open.map(({ day }) => day);
  }

  close(day: string, closedAt: Date, announce: (sales: DailySales[]) => EventEnvelope[]): Promise<boolean> {
    return this.dataSource.transaction((manager) => this.closeIn(manager, day, closedAt, announce));
  }

  private async closeIn(
    manager: EntityManager,
    day: string,
    closedAt: Date,
    announce: (sales: DailySales[]) => EventEnvelope[],
  ): Promise<boolean> {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO closed_sales_days (day, closed_at) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING RETURNING day`,
      [day, closedAt],
    );
    if (claimed.length === 0) return false;
    const sales = await selectDailySales(manager, { from: day, to: day });
    await this.outbox.add(manager, announce(sales));
    return true;
  }
}
