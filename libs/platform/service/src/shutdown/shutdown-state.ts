import { Injectable } from '@nestjs/common';

/** Flips once when shutdown begins; readiness and connection handling read it. */
@Injectable()
export class ShutdownState {
  private started = false;

  get isShuttingDown(): boolean {
    return this.started;
  }

  begin(): void {
    this.started = true;
  }
}
