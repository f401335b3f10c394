import { InvalidTokenError } from './invalid-token.error';

// RFC 6750 §2.1: the scheme is case-insensitive, the token is a b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The token of an `Authorization: Bearer <token>` header. @throws InvalidTokenError otherwise. */
export function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === '') {
    throw new InvalidTokenError('missing access token: send "Authorization: Bearer <token>"', false);
  }
  const match = BEARER.exec(authorization);
  if (!match?.[1]) throw new InvalidTokenError('the Authorization header must be "Bearer <token>"');
  return match[1];
}
