/**
 * Runs a sweep (deleting what has expired) every `everyMs`, one at a time, until stopped. A failed
 * sweep is reported and the next one tries again: expired rows only take room until then. The
 * timer never keeps the process alive.
 */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly everyMs: number,
    private readonly sweep: () => Promise<unknown>,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.sweeping = this.sweeping.then(() =>
        this.sweep().catch((error: unknown) => this.onError(error instanceof Error ? error : new Error(String(error)))),
      );
    }, this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }
}
