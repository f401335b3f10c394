import { errors } from 'jose';

import { InvalidTokenError } from './invalid-token.error';
import { KeySetUnavailableError } from './key-set-unavailable.error';

/** What the service expects, to say how a token differs from it. */
export interface Expectations {
  readonly issuer: string;
  readonly audience: string;
}

/** The caller's text, quoted and cut short before it reaches an answer or a header. */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Seconds since the epoch as an ISO time, or the caller's value quoted when it is no number. */
function time(seconds: unknown): string {
  return typeof seconds === 'number' && Number.isFinite(seconds)
    ? new Date(seconds * 1000).toISOString()
    : quoted(seconds);
}

const MISSING: Record<string, (expected: Expectations) => string> = {
  exp: () => 'the token has no exp claim: access tokens must expire',
  iat: () => 'the token has no iat claim: its lifetime cannot be checked',
  iss: ({ issuer }) => `the token has no iss claim: this service accepts tokens issued by "${issuer}"`,
  aud: ({ audience }) => `the token has no aud claim: this service accepts tokens for "${audience}"`,
};

/**
 * The library's verification errors, as a caller can act on them: which claim is wrong and how,
 * never a key. An error that is not about the token (the key set could not be fetched, a bug)
 * is passed on as it is.
 */
export function verificationFailure(
  error: unknown,
  expected: Expectations,
  header: { readonly alg: string; readonly kid?: string },
): Error {
  if (error instanceof KeySetUnavailableError) return error;
  if (error instanceof errors.JWTExpired)
    return new InvalidTokenError(`the token expired at ${time(error.payload['exp'])}`);
  if (error instanceof errors.JWTClaimValidationFailed) return claimFailure(error, expected);
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError('the token signature does not match (another key, or the token was altered)');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new InvalidTokenError(
      header.kid === undefined
        ? 'the token names no key (kid header) of the key set this service checks tokens with'
        : `no ${header.alg} key ${quoted(header.kid)} in the key set this service checks tokens with (a key of another issuer, or one retired)`,
    );
  }
  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return new InvalidTokenError('the token names no key (kid header), and the key set holds several');
  }
  if (error instanceof errors.JWTInvalid)
    return new InvalidTokenError('the token payload is not a JSON object of claims');
  if (error instanceof errors.JOSEError)
    return new InvalidTokenError('the token is not a JWT (header.payload.signature)');
  return error instanceof Error ? error : new Error(String(error));
}

function claimFailure(error: InstanceType<typeof errors.JWTClaimValidationFailed>, expected: Expectations): Error {
  const { claim, reason, payload } = error;
  if (reason === 'missing' && MISSING[claim]) return new InvalidTokenError(MISSING[claim](expected));
  if (reason === 'invalid') return new InvalidTokenError(`the token's ${claim} claim must be a number of seconds`);
  if (claim === 'nbf') return new InvalidTokenError(`the token is not valid before ${time(payload['nbf'])}`);
  if (claim === 'iss') {
    return new InvalidTokenError(`the token was issued by ${quoted(payload['iss'])}, not by "${expected.issuer}"`);
  }
  if (claim === 'aud') {
    return new InvalidTokenError(`the token is for ${quoted(payload['aud'])}, not for "${expected.audience}"`);
  }
  return new InvalidTokenError(`the token's ${claim} claim is not accepted`);
}
