import type { DailySales } from '@mesh/analytics-contracts';
import type { EventEnvelope } from '@mesh/contract-kit';

/**
 * The closed sales days, the daily sales they are closed from, and the outbox of
 * `analytics.sales.v1`. An abstract class so that it doubles as the DI token; the store module
 * binds it to the SQL implementation.
 */
export abstract class DayClosingStore {
  /** Days before `today` (YYYY-MM-DD) that have sales and are not closed yet, oldest first. */
  abstract openDaysBefore(today: string): Promise<string[]>;

  /**
   * In one transaction: marks the day closed at `closedAt` unless it already is (another replica
   * closed it first), reads its sales per currency and adds the events `announce` makes of them
   * to the outbox, so that a day is published once and only once.
   * @returns whether this call closed the day.
   */
  abstract close(day: string, closedAt: Date, announce: (sales: DailySales[]) => EventEnvelope[]): Promise<boolean>;
}
