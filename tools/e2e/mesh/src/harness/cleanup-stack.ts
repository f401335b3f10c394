/**
 * What a run has started, undone in reverse order whatever happened: each step is registered
 * as soon as the thing it undoes exists, so a failure half-way leaves nothing behind.
 */
export class CleanupStack {
  private readonly steps: Array<{ label: string; undo: () => Promise<unknown> | unknown }> = [];

  defer(label: string, undo: () => Promise<unknown> | unknown): void {
    this.steps.push({ label, undo });
  }

  /** Runs every step, newest first; a failing step is reported and the others still run. */
  async run(log: (line: string) => void): Promise<string[]> {
    const failures: string[] = [];
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.undo();
      } catch (error) {
        const message = `cleanup: ${step.label} failed: ${error instanceof Error ? error.message : String(error)}`;
        failures.push(message);
        log(message);
      }
    }
    return failures;
  }
}
