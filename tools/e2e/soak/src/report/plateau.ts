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
};

/**
 * Runs shorter than this do not judge process memory: a replica killed and started again in the
 * first third is still warming up in the middle one (measured: a fresh service's RSS rises for
 * about three minutes), so a short run would call warm-up growth.
 */
export const MEMORY_JUDGED_FROM_SECONDS = 600;

export interface PlateauVerdict {
  series: Series;
  middleMax: number;
  lastMax: number;
  flat: boolean;
  /** False for a process's memory in a run too short to tell warm-up from growth. */
  judged: boolean;
}

/**
 * The plateau check: a series is flat when the maximum of its samples in the last third of the
 * run is at most PLATEAU_RATIO × the maximum in the middle third, or rose by less than the noise
 * floor of its unit. A series with no sample in the middle third counts from 0 (it appeared late).
 */
export function plateauOf(series: Series, runSeconds: number): PlateauVerdict {
  const third = runSeconds / 3;
  const maxWithin = (from: number, to: number) =>
    Math.max(0, ...series.points.filter((point) => point.at >= from && point.at <= to).map((point) => point.value));
  const middleMax = maxWithin(third, 2 * third);
  const lastMax = maxWithin(2 * third, runSeconds);
  const flat = lastMax <= PLATEAU_RATIO * middleMax || lastMax - middleMax < NOISE_FLOOR[series.unit];
  const judged = !series.warmsUp || runSeconds >= MEMORY_JUDGED_FROM_SECONDS;
  return { series, middleMax, lastMax, flat, judged };
}
