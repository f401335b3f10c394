/** A token that proves nothing: missing, malformed, expired, wrongly signed or of a refused algorithm. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';

  /** @param presented whether the request carried a token at all (RFC 6750 §3.1 answers differ). */
  constructor(
    message: string,
    readonly presented = true,
  ) {
    super(message);
  }
}
