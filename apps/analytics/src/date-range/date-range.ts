import { z } from 'zod';

/** Inclusive range of UTC days, as YYYY-MM-DD. */
export interface DateRange {
  from: string;
  to: string;
}

export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days in the range, both ends included. */
export function daysIn(range: DateRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / DAY_MS) + 1;
}

/** `to` defaults to today (UTC) and `from` to 30 days ending at `to`: the last 30 days. */
export function resolveDateRange(query: { from?: string; to?: string }, today = todayUtc()): DateRange {
  const to = query.to ?? today;
  return { from: query.from ?? addDays(to, 1 - DEFAULT_RANGE_DAYS), to };
}

/** What is wrong with a range, naming the parameter to change; undefined when it is fine. */
export function dateRangeProblem(range: DateRange): { parameter: 'from' | 'to'; message: string } | undefined {
  if (range.from > range.to) return { parameter: 'from', message: `must not be after to (${range.to})` };
  const days = daysIn(range);
  if (days > MAX_RANGE_DAYS) {
    return { parameter: 'to', message: `the range ${range.from}..${range.to} spans ${days} days; at most ${MAX_RANGE_DAYS}` };
  }
  return undefined;
}

/** Query fields `from` and `to` (YYYY-MM-DD calendar dates, both optional). */
export const dateRangeFields = {
  from: z.iso.date('must be a date as YYYY-MM-DD').optional(),
  to: z.iso.date('must be a date as YYYY-MM-DD').optional(),
};

/** Refinement for a query with dateRangeFields: the range its defaults resolve to must be valid. */
export function checkDateRange(query: { from?: string; to?: string }, context: z.RefinementCtx): void {
  // zod runs this refinement even when a field failed its own check: such a field already has
  // its issue, and resolving a range from it would throw instead of answering 400.
  if (!isCalendarDate(query.from) || !isCalendarDate(query.to)) return;
  const problem = dateRangeProblem(resolveDateRange(query));
  if (problem) context.addIssue({ code: 'custom', path: [problem.parameter], message: problem.message });
}

const calendarDate = z.iso.date();

function isCalendarDate(value: string | undefined): boolean {
  return value === undefined || calendarDate.safeParse(value).success;
}
