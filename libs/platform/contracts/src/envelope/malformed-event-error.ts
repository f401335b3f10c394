/**
 * An event that cannot be turned into a valid envelope: not JSON, a missing attribute, an
 * unknown type or data that breaks its schema. Consumers move such entries to the dead-letter
 * stream at once with `reason`, because retrying cannot fix them.
 */
export class MalformedEventError extends Error {
  override readonly name = 'MalformedEventError';

  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}
