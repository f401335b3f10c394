import { percentile, summarizeLatencies } from './percentile';

describe('percentile', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, index) => 100 - index);

  it.each([
    [50, 50],
    [99, 99],
    [100, 100],
    [0, 1],
    [0.5, 1],
    [1, 1],
    [1.5, 2],
  ])('gives the nearest-rank p%s of 1..100 (unsorted input) as %s', (p, expected) => {
    expect(percentile(oneToHundred, p)).toBe(expected);
  });

  it('always answers with one of the samples', () => {
    expect(percentile([10, 20], 50)).toBe(10);
    expect(percentile([10, 20], 51)).toBe(20);
    expect(percentile([7], 99)).toBe(7);
  });

  it('gives NaN for no samples and refuses a p outside 0..100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(/within 0..100, got 101/);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('sorts numerically, not as strings, and leaves the input alone', () => {
    const samples = [100, 9, 25];
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile(samples, 34)).toBe(25);
    expect(samples).toEqual([100, 9, 25]);
  });
});

describe('summarizeLatencies', () => {
  it('gives count, p50, p99 and max', () => {
    const samples = Array.from({ length: 1_000 }, (_, index) => (index + 1) / 10);
    expect(summarizeLatencies(samples)).toEqual({ count: 1_000, p50: 50, p99: 99, max: 100 });
  });

  it('gives NaN percentiles for no samples', () => {
    expect(summarizeLatencies([])).toEqual({ count: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN });
  });
});
