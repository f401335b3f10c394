/**
 * Counts replayed events against the streams' length when the rebuild started and reports the
 * percentage: to the job whenever it changes, to the log at every 10%. It stays at 99 until the
 * swap is done, as events may keep arriving while the rebuild catches up.
 */
export class RebuildProgress {
  private replayed = 0;
  private reported = -1;
  private logged = -1;

  constructor(
    private readonly total: number,
    private readonly report: (percent: number) => void,
    private readonly log: (line: string) => void,
  ) {}

  get events(): number {
    return this.replayed;
  }

  started(): void {
    this.publish(0);
  }

  eventReplayed(): void {
    this.replayed += 1;
    const percent = this.total === 0 ? 99 : Math.min(99, Math.floor((this.replayed * 100) / this.total));
    this.publish(percent);
  }

  swapped(): void {
    this.publish(100);
  }

  private publish(percent: number): void {
    if (percent <= this.reported) return;
    this.reported = percent;
    this.report(percent);
    const decile = Math.floor(percent / 10);
    if (decile > this.logged) {
      this.logged = decile;
      this.log(`${decile * 10}% (${this.replayed} of ${this.total} events replayed)`);
    }
  }
}
