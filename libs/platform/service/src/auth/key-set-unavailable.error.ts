/**
 * The issuer's key set could not be fetched (AUTH_JWKS_URL unreachable, slow, or answering
 * nonsense): the token may be fine, the service cannot tell. A 503, not a 401: the client should
 * try again rather than get a new token.
 */
export class KeySetUnavailableError extends Error {
  override readonly name = 'KeySetUnavailableError';

  constructor(cause: unknown) {
    super('the keys that check access tokens cannot be fetched right now', { cause });
  }
}
