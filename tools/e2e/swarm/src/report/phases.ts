/** Runs named phases one after another, logs each with its duration, and keeps the timings. */
export class Phases {
  private readonly timings: { name: string; ms: number; ok: boolean }[] = [];
  private readonly startedAt = Date.now();

  constructor(private readonly log: (line: string) => void) {}

  async run<T>(name: string, phase: () => Promise<T>): Promise<T> {
    this.log(`▶ ${name}`);
    const started = Date.now();
    try {
      const result = await phase();
      this.record(name, started, true);
      return result;
    } catch (error) {
      this.record(name, started, false);
      throw error;
    }
  }

  summary(): string {
    const width = Math.max(...this.timings.map((timing) => timing.name.length), 5);
    const lines = this.timings.map(
      ({ name, ms, ok }) => `  ${name.padEnd(width)}  ${seconds(ms).padStart(7)}${ok ? '' : '  FAILED'}`,
    );
    return [...lines, `  ${'total'.padEnd(width)}  ${seconds(Date.now() - this.startedAt).padStart(7)}`].join('\n');
  }

  private record(name: string, started: number, ok: boolean): void {
    const ms = Date.now() - started;
    this.timings.push({ name, ms, ok });
    this.log(`${ok ? '✓' : '✗'} ${name} (${seconds(ms)})`);
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
