import { eventsPerSecond, ratioTo } from './rate';

describe('eventsPerSecond', () => {
  it('scales a count over milliseconds to a per-second rate', () => {
    expect(eventsPerSecond(100_000, 500)).toBe(200_000);
    expect(eventsPerSecond(3, 1_500)).toBe(2);
  });

  it('is NaN when no time (or a negative time) passed', () => {
    expect(eventsPerSecond(10, 0)).toBeNaN();
    expect(eventsPerSecond(10, -1)).toBeNaN();
  });
});

describe('ratioTo', () => {
  it('divides by the baseline', () => {
    expect(ratioTo(50, 200)).toBe(0.25);
    expect(ratioTo(0, 200)).toBe(0);
  });

  it.each([
    ['a zero baseline', 5, 0],
    ['a NaN value', Number.NaN, 5],
    ['a NaN baseline', 5, Number.NaN],
    ['an infinite value', Number.POSITIVE_INFINITY, 5],
  ])('has no ratio for %s', (_case, value, baseline) => {
    expect(ratioTo(value, baseline)).toBeUndefined();
  });
});
