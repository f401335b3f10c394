/** What a series measures, which decides how its figures are printed and how much noise is tolerated. */
export type SeriesUnit = 'bytes' | 'entries' | 'rows' | 'consumers' | 'seconds';

export interface Point {
  /** Seconds since the soak started. */
  at: number;
  value: number;
}

export interface Series {
  name: string;
  unit: SeriesUnit;
  points: Point[];
  /**
   * Set on a process's memory: measured right after a full garbage collection (judged), or
   * wherever the collector's cycle stood (charted only: its peaks say when V8 last collected).
   */
  memory?: MemorySample;
  /**
   * Set on a count of what is kept for a time window (rows younger than their retention, stream
   * entries younger than the replay window): its level is the traffic rate times the window, and
   * the rate moves with every kill, so the age of its oldest item, the named series, is judged in
   * its place. That age stays near the window when the pruning works and grows with the run when
   * it does not, whatever the rate.
   */
  judgedBy?: string;
}

export interface RecordOptions {
  memory?: MemorySample;
  judgedBy?: string;
}

export type MemorySample = 'after-collection' | 'between-collections';

/**
 * Every sample the soak takes, as one series per measured thing (a stream's length, a process's
 * RSS…). A series may start late (a stream that did not exist yet) or have gaps (a replica that
 * was being restarted).
 */
export class SeriesTable {
  private readonly byName = new Map<string, Series>();
  private readonly times: number[] = [];

  /** Opens the sample taken at `at` seconds; the values recorded next belong to it. */
  sampleAt(at: number): void {
    this.times.push(at);
  }

  record(name: string, unit: SeriesUnit, value: number, options: RecordOptions = {}): void {
    const at = this.times[this.times.length - 1];
    if (at === undefined) throw new Error('record() before sampleAt()');
    const series = this.byName.get(name) ?? { name, unit, points: [], ...options };
    this.byName.set(name, series);
    series.points.push({ at, value });
  }

  get sampleTimes(): readonly number[] {
    return this.times;
  }

  get series(): Series[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** One row per sample, one column per series; a cell is empty where the series had no value. */
  toCsv(): string {
    const series = this.series;
    const header = ['seconds', ...series.map((one) => csvCell(`${one.name} (${one.unit})`))].join(',');
    const rows = this.times.map((at) =>
      [at, ...series.map((one) => one.points.find((point) => point.at === at)?.value ?? '')].join(','),
    );
    return `${[header, ...rows].join('\n')}\n`;
  }
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
