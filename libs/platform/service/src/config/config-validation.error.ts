/** One thing wrong with the environment, named by the variable to fix. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/**
 * Thrown when the environment does not satisfy the service's configuration.
 * Lists every problem at once so an operator fixes them in one round.
 */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`invalid configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
  }

  /** Human-readable report for stderr, one problem per line. */
  report(): string {
    const count = this.problems.length === 1 ? '1 problem' : `${this.problems.length} problems`;
    const lines = this.problems.map((p) => `  - ${p.variable}: ${p.message}`);
    return [`Invalid configuration (${count}):`, ...lines].join('\n');
  }
}
