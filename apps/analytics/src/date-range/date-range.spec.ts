import { z } from 'zod';

import { addDays, checkDateRange, dateRangeFields, dateRangeProblem, daysIn, resolveDateRange } from './date-range';

describe('resolveDateRange', () => {
  it('defaults to the last 30 days, today included', () => {
    expect(resolveDateRange({}, '2026-03-10')).toEqual({ from: '2026-02-09', to: '2026-03-10' });
  });

  it('ends a range given only its start today, and starts one given only its end 29 days before', () => {
    expect(resolveDateRange({ from: '2026-03-01' }, '2026-03-10')).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(resolveDateRange({ to: '2024-03-01' }, '2026-03-10')).toEqual({ from: '2024-02-01', to: '2024-03-01' });
  });
});

describe('dateRangeProblem', () => {
  it('accepts one day and 366 days (a leap year)', () => {
    expect(dateRangeProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeUndefined();
    expect(dateRangeProblem({ from: '2024-01-01', to: '2024-12-31' })).toBeUndefined();
  });

  it('names from when it is after to, and to when the range is longer than 366 days', () => {
    expect(dateRangeProblem({ from: '2026-03-02', to: '2026-03-01' })?.parameter).toBe('from');
    expect(dateRangeProblem({ from: '2025-01-01', to: '2026-01-02' })).toEqual({
      parameter: 'to',
      message: 'the range 2025-01-01..2026-01-02 spans 367 days; at most 366',
    });
  });
});

describe('day arithmetic', () => {
  it('crosses month, year and leap-day boundaries in UTC', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysIn({ from: '2026-03-28', to: '2026-03-30' })).toBe(3);
  });
});

describe('a query with dateRangeFields and checkDateRange', () => {
  const query = z.object(dateRangeFields).superRefine(checkDateRange);

  it.each([{ to: '2026-13-01' }, { to: 'lost' }, { from: '2026-02-30', to: '2026-03-01' }])(
    'reports a malformed date %p as an issue of that field, without throwing',
    (input) => {
      const result = query.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(['must be a date as YYYY-MM-DD']);
    },
  );

  it('still checks the range of two good dates', () => {
    const result = query.safeParse({ from: '2026-03-02', to: '2026-03-01' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['from'] })]);
  });
});
