import { salesDayClosed } from '@mesh/analytics-contracts';
import { createEvent } from '@mesh/contract-kit';
import { TypeormOutbox } from '@mesh/messaging/typeorm';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { todayUtc } from '../date-range/date-range';
import { LIVE_TABLES } from '../projections/projection-tables';
import { selectDailySales } from '../sales/daily-sales.repository';

/**
 * Closes finished UTC days: one `analytics.sales.day-closed` per currency goes to the outbox in
 * the transaction that marks the day closed, so a day is published once and only once even when
 * several replicas run the rollup. Events that arrive for a closed day still count in the
 * projection but are not published again.
 */
@Injectable()
export class DayClosing {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: TypeormOutbox,
  ) {}

  /** @returns the days this call closed, oldest first. */
  async closeFinishedDays(now: Date): Promise<string[]> {
    const open: Array<{ day: string }> = await this.dataSource.query(
      `SELECT DISTINCT to_char(s.day, 'YYYY-MM-DD') AS day FROM ${LIVE_TABLES.dailySales} s
       WHERE s.day < $1 AND NOT EXISTS (SELECT 1 FROM closed_sales_days c WHERE c.day = s.day)
       ORDER BY day`,
      [todayUtc(now)],
    );
    const closed: string[] = [];
    for (const { day } of open) {
      if (await this.dataSource.transaction((manager) => this.close(manager, day, now))) closed.push(day);
    }
    return closed;
  }

  private async close(manager: EntityManager, day: string, now: Date): Promise<boolean> {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO closed_sales_days (day, closed_at) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING RETURNING day`,
      [day, now],
    );
    if (claimed.length === 0) return false;
    const sales = await selectDailySales(manager, { from: day, to: day });
    const events = sales.map(({ netRevenue: _net, ...figures }) =>
      createEvent(salesDayClosed, {
        subject: `${day}/${figures.currency}`,
        time: now,
        data: { ...figures, closedAt: now.toISOString() },
      }),
    );
    await this.outbox.add(manager, events);
    return true;
  }
}
