import type { SeriesUnit } from '../samples/series-table';

/** A figure as a person reads it: 152.3 MiB, 1,204 entries, 74 s. */
export function formatFigure(value: number, unit: SeriesUnit): string {
  if (unit === 'bytes') {
    const mib = value / (1024 * 1024);
    return mib >= 10 ? `${mib.toFixed(0)} MiB` : `${mib.toFixed(1)} MiB`;
  }
  if (unit === 'seconds') return `${Math.round(value).toLocaleString('en-US')} s`;
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}
