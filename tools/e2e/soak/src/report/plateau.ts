import type { Series, SeriesUnit } from '../samples/series-table';

/** How far the last third may rise above the middle third: the bar. */
export const PLATEAU_RATIO = 1.1;

/**
 * Absolute rises below which a series counts as flat whatever the ratio: a dead-letter stream
 * going from 2 to 3 entries, or Redis allocating one more page, is noise and not growth.
 */
export const NOISE_FLOOR: Record<SeriesUnit, number> = {
  bytes: 4 * 1024 * 1024,
  entries: 10,
  rows: 10,
  consumers: 2,
  // An age sampled just before a sweep instead of just after it: the longest sweep interval of
  // the soak's settings is the Idempotency-Key sweep's, a quarter of its 2W time to live (15 s).
  seconds: 15,
};

/**
 * Runs shorter than this do not judge process memory: a fresh service's memory rises for about
 * three minutes (JIT, heap sizing), which in a short run reaches into the middle third.
 */
export const MEMORY_JUDGED_FROM_SECONDS = 600;

export interface PlateauVerdict {
  series: Series;
  middleMax: number;
  lastMax: number;
  flat: boolean;
  /** Why the verdict does not count, when it does not. */
  notJudged?: string;
}

/**
 * The plateau check: a series is flat when the maximum of its samples in the last third of the
 * run is at most PLATEAU_RATIO × the maximum in the middle third, or rose by less than the noise
 * floor of its unit. A series with no sample in the middle third counts from 0 (it appeared late).
 *
 * A process's memory is judged only as measured right after a full collection. Sampled at any
 * moment, a busy service's heap and RSS are a sawtooth whose peaks say when V8 last collected or
 * gave pages back: in a 30-minute run the RSS of orders #1, never restarted, went 243 → 140 →
 * 242 → 148 → 241 MiB, and the heap peaks of customers #1 rose 80 → 108 MiB with no leak.
 */
export function plateauOf(series: Series, runSeconds: number): PlateauVerdict {
  const third = runSeconds / 3;
  const maxWithin = (from: number, to: number) =>
    Math.max(0, ...series.points.filter((point) => point.at >= from && point.at <= to).map((point) => point.value));
  const middleMax = maxWithin(third, 2 * third);
  const lastMax = maxWithin(2 * third, runSeconds);
  const flat = lastMax <= PLATEAU_RATIO * middleMax || lastMax - middleMax < NOISE_FLOOR[series.unit];
  const notJudged = series.judgedBy
    ? `level follows the traffic; judged by ${series.judgedBy}`
    : series.memory === 'between-collections'
      ? 'sampled between collections'
      : series.memory === 'after-collection' && runSeconds < MEMORY_JUDGED_FROM_SECONDS
        ? `run < ${MEMORY_JUDGED_FROM_SECONDS / 60} min`
        : undefined;
  return { series, middleMax, lastMax, flat, ...(notJudged ? { notJudged } : {}) };
}

/** Whether the verdict fails the run. */
export const growing = (verdict: PlateauVerdict) => !verdict.flat && verdict.notJudged === undefined;

/** The verdict in words, for the report's table and the chart's caption. */
export function verdictText(verdict: PlateauVerdict): string {
  const word = verdict.flat ? 'flat' : verdict.notJudged ? 'rising' : 'GROWING';
  return verdict.notJudged ? `${word} (not judged: ${verdict.notJudged})` : word;
}
