/** Why a request was refused, as RFC 6750 §3.1 names it. */
export type BearerError =
  | { readonly error: 'invalid_token'; readonly description: string }
  | { readonly error: 'insufficient_scope'; readonly description: string; readonly scope: string };

/**
 * The `WWW-Authenticate` value of a 401 or 403 (RFC 6750 §3). A request without a token gets the
 * bare challenge; one whose token failed learns why, in words a client can log.
 */
export function bearerChallenge(realm: string, refusal?: BearerError): string {
  const params: Array<[string, string]> = [['realm', realm]];
  if (refusal) {
    params.push(['error', refusal.error], ['error_description', refusal.description]);
    if (refusal.error === 'insufficient_scope') params.push(['scope', refusal.scope]);
  }
  return `Bearer ${params.map(([name, value]) => `${name}="${quotable(value)}"`).join(', ')}`;
}

// §3: these values may not hold `"` or `\`, and a header value only printable ASCII.
function quotable(value: string): string {
  return value.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');
}
