/**
 * What reached a handler: how many events, and for those marked when they were sent, how long
 * each took from the publish call to the handler (both read from this process's clock).
 */
export class Arrivals {
  readonly latenciesMs: number[] = [];
  private received = 0;
  private lastArrivalAt = 0;
  private readonly sentAt = new Map<string, number>();
  private target = Number.POSITIVE_INFINITY;
  private onTarget: (() => void) | undefined;

  get count(): number {
    return this.received;
  }

  /** Marks events as sent now; only marked events give a latency sample. */
  markSent(ids: Iterable<string>, at = performance.now()): void {
    for (const id of ids) this.sentAt.set(id, at);
  }

  arrived(id: string): void {
    const now = performance.now();
    this.received += 1;
    this.lastArrivalAt = now;
    const sent = this.sentAt.get(id);
    if (sent !== undefined) {
      this.latenciesMs.push(now - sent);
      this.sentAt.delete(id);
    }
    if (this.received >= this.target) this.onTarget?.();
  }

  /**
   * Resolves true once `target` events arrived, or false once none arrived for `idleMs`
   * (a contender that loses events must not hang the benchmark).
   */
  waitFor(target: number, idleMs: number): Promise<boolean> {
    if (this.received >= target) return Promise.resolve(true);
    const waitingSince = performance.now();
    return new Promise<boolean>((resolve) => {
      const finish = (reached: boolean) => {
        clearInterval(idleCheck);
        this.target = Number.POSITIVE_INFINITY;
        this.onTarget = undefined;
        resolve(reached);
      };
      const idleCheck = setInterval(
        () => {
          if (performance.now() - Math.max(this.lastArrivalAt, waitingSince) > idleMs) finish(false);
        },
        Math.min(100, idleMs),
      );
      this.target = target;
      this.onTarget = () => finish(true);
    });
  }
}
