import type { Point, Series } from '../samples/series-table';
import { growing, plateauOf, verdictText } from './plateau';

const RUN_SECONDS = 300;

function series(unit: Series['unit'], value: (at: number) => number): Series {
  const points: Point[] = [];
  for (let at = 0; at <= RUN_SECONDS; at += 10) points.push({ at, value: value(at) });
  return { name: 'test', unit, points };
}

describe('plateauOf', () => {
  it('finds a series that levels off after its window flat', () => {
    const verdict = plateauOf(
      series('entries', (at) => Math.min(at, 60) * 20),
      RUN_SECONDS,
    );
    expect(verdict).toMatchObject({ middleMax: 1_200, lastMax: 1_200, flat: true });
  });

  it('finds a series that keeps growing not flat', () => {
    const verdict = plateauOf(
      series('rows', (at) => at * 20),
      RUN_SECONDS,
    );
    expect(verdict).toMatchObject({ middleMax: 4_000, lastMax: 6_000, flat: false });
  });

  it('tolerates a sawtooth whose peaks stay within 10 %', () => {
    const heap = series('bytes', (at) => 100e6 + ((at % 60) / 60) * 50e6 + (at > 200 ? 10e6 : 0));
    expect(plateauOf(heap, RUN_SECONDS).flat).toBe(true);
  });

  it('calls a rise of more than 10 % growth once it passes the noise floor', () => {
    expect(
      plateauOf(
        series('bytes', (at) => (at > 200 ? 120e6 : 100e6)),
        RUN_SECONDS,
      ).flat,
    ).toBe(false);
    expect(
      plateauOf(
        series('entries', (at) => (at > 200 ? 6 : 2)),
        RUN_SECONDS,
      ).flat,
    ).toBe(true);
    expect(
      plateauOf(
        series('entries', (at) => (at > 200 ? 30 : 2)),
        RUN_SECONDS,
      ).flat,
    ).toBe(false);
  });

  it('counts a series that appears only in the last third from zero', () => {
    const late: Series = { name: 'late', unit: 'entries', points: [{ at: 290, value: 50 }] };
    expect(plateauOf(late, RUN_SECONDS)).toMatchObject({ middleMax: 0, lastMax: 50, flat: false });
  });

  it('judges memory measured after a full collection only in runs of ten minutes or more', () => {
    const heap: Series = { ...series('bytes', (at) => 100e6 + at * 1e6), memory: 'after-collection' };
    const short = plateauOf(heap, RUN_SECONDS);
    expect(short).toMatchObject({ flat: false, notJudged: 'run < 10 min' });
    expect(growing(short)).toBe(false);
    const long = plateauOf({ ...heap, points: heap.points.map((point) => ({ ...point, at: point.at * 2 })) }, 600);
    expect(long).toMatchObject({ flat: false });
    expect(long.notJudged).toBeUndefined();
    expect(growing(long)).toBe(true);
  });

  it("charts but never judges memory sampled between collections, whose peaks follow the collector's cycle", () => {
    const rss: Series = { ...series('bytes', (at) => 100e6 + at * 1e6), memory: 'between-collections' };
    const verdict = plateauOf({ ...rss, points: rss.points.map((point) => ({ ...point, at: point.at * 2 })) }, 600);
    expect(verdict).toMatchObject({ flat: false, notJudged: 'sampled between collections' });
    expect(growing(verdict)).toBe(false);
    expect(verdictText(verdict)).toBe('rising (not judged: sampled between collections)');
  });

  it('fails the run on any other series that grows', () => {
    const verdict = plateauOf(series('rows', (at) => at * 20), RUN_SECONDS);
    expect(growing(verdict)).toBe(true);
    expect(verdictText(verdict)).toBe('GROWING');
  });

  it('judges the age of the oldest kept row in place of a count whose level follows the traffic rate', () => {
    // 252 → 278 rows of a 60 s time to live: the order rate rose 10 % after a kill, nothing leaked.
    const judgedBy = 'orders idempotency_keys oldest row age';
    const rows: Series = { ...series('rows', (at) => (at > 200 ? 278 : 252)), judgedBy };
    const count = plateauOf(rows, RUN_SECONDS);
    expect(count).toMatchObject({ flat: false, notJudged: `level follows the traffic; judged by ${judgedBy}` });
    expect(growing(count)).toBe(false);
    // Swept every 15 s: the oldest row is 60 to 75 s old whatever the rate.
    const swept = series('seconds', (at) => Math.min(at, 60 + (at % 15)));
    expect(growing(plateauOf(swept, RUN_SECONDS))).toBe(false);
  });

  it('fails the run when the oldest kept row keeps ageing: the sweep stopped', () => {
    const unswept = plateauOf(series('seconds', (at) => at), RUN_SECONDS);
    expect(unswept).toMatchObject({ middleMax: 200, lastMax: 300, flat: false });
    expect(growing(unswept)).toBe(true);
  });
});
