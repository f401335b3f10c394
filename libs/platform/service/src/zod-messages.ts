/**
 * zod's default "Invalid input: expected string, received undefined" hides
 * the real problem, for an environment variable and a request field alike.
 */
export function requiredMessage(issue: { code?: string; input?: unknown }): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required but not set' : undefined;
}
