/**
 * Undo actions, run last-in first-out whatever happened (the stack before the secrets it uses,
 * both before leaving the swarm, all that before stopping dockerd). A failing action is reported
 * and the others still run.
 */
export class Cleanup {
  private readonly actions: { name: string; run: () => Promise<unknown> }[] = [];
  private running?: Promise<boolean>;

  constructor(private readonly log: (line: string) => void) {}

  add(name: string, run: () => Promise<unknown>): void {
    this.actions.push({ name, run });
  }

  /** Resolves to false when an action failed. Runs once, however often it is called. */
  run(): Promise<boolean> {
    this.running ??= this.runAll();
    return this.running;
  }

  private async runAll(): Promise<boolean> {
    let ok = true;
    for (const action of this.actions.reverse()) {
      try {
        await action.run();
        this.log(`  cleaned up: ${action.name}`);
      } catch (error) {
        ok = false;
        this.log(`  cleanup failed: ${action.name}: ${(error as Error).message}`);
      }
    }
    return ok;
  }
}
