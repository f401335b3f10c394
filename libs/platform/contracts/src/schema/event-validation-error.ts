/** One broken rule: where in the event data, which JSON Schema keyword, and what it wants. */
export interface ValidationIssue {
  /** JSON Pointer into the data, `''` for the root, e.g. `/items/0/quantity`. */
  path: string;
  /** The schema keyword that failed, e.g. `minimum`, `required`, `additionalProperties`. */
  rule: string;
  message: string;
}

/** Event data that breaks its contract; the message names every field and rule. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';

  constructor(
    readonly eventType: string,
    readonly issues: ValidationIssue[],
  ) {
    super(`${eventType} data is invalid: ${issues.map(formatIssue).join('; ')}`);
  }
}

function formatIssue(issue: ValidationIssue): string {
  return `${issue.path || '(root)'} ${issue.message} (${issue.rule})`;
}
