import { type DailySales, salesDayClosed } from '@mesh/analytics-contracts';
import { createEvent, type EventEnvelope } from '@mesh/contract-kit';
import { Injectable } from '@nestjs/common';

import { todayUtc } from '../date-range/date-range';
import { DayClosingStore } from './day-closing-store';

/**
 * Closes finished UTC days: one `analytics.sales.day-closed` per currency goes to the outbox in
 * the transaction that marks the day closed, so a day is published once and only once even when
 * several replicas run the rollup. Events that arrive for a closed day still count in the
 * projection but are not published again.
 */
@Injectable()
export class DayClosing {
  constructor(private readonly days: DayClosingStore) {}

  /** @returns the days this call closed, oldest first. */
  async closeFinishedDays(now: Date): Promise<string[]> {
    const closed: string[] = [];
    for (const day of await this.days.openDaysBefore(todayUtc(now))) {
      if (await this.days.close(day, now, (sales) => dayClosedEvents(day, sales, now))) closed.push(day);
    }
    return closed;
  }
}

/** One event per currency of the day, with the figures as they stand when the day is closed. */
function dayClosedEvents(day: string, sales: DailySales[], now: Date): EventEnvelope[] {
  return sales.map(({ netRevenue: _net, ...figures }) =>
    createEvent(salesDayClosed, {
      subject: `${day}/${figures.currency}`,
      time: now,
      data: { ...figures, closedAt: now.toISOString() },
    }),
  );
}
