/**
 * A wait that something else can end early. A signal that comes while nobody waits is kept
 * for the next wait, so that a notification during a batch is not lost.
 */
export class Wakeup {
  private signalled = false;
  private wake: (() => void) | undefined;

  signal(): void {
    if (this.wake) this.wake();
    else this.signalled = true;
  }

  /** Resolves after `ms`, or at once when signalled (now or since the last wait). */
  wait(ms: number): Promise<void> {
    if (this.signalled) {
      this.signalled = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
