import { salesDayClosed } from './sales-day-closed.event';

describe('analytics.sales.day-closed', () => {
  it('is carried by the analytics.sales.v1 stream', () => {
    expect(salesDayClosed.stream).toBe('analytics.sales.v1');
  });

  it('refuses a day that is not a calendar date and a fractional revenue, naming both', () => {
    expect(() => salesDayClosed.parseStrict({ ...salesDayClosed.example, day: '2026-13-01', revenue: 0.5 })).toThrow(
      /\/day .*\/revenue must be integer/,
    );
  });
});
