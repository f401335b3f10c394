/**
 * The scopes a token grants: the OAuth 2.0 `scope` claim (one space-separated string, RFC 8693
 * §4.2) and the `scp` claim some identity providers use instead (a list, or a string like `scope`).
 */
export function tokenScopes(claims: Readonly<Record<string, unknown>>): Set<string> {
  return new Set([...scopeList(claims['scope']), ...scopeList(claims['scp'])]);
}

function scopeList(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(/\s+/).filter((scope) => scope.length > 0);
  if (Array.isArray(claim))
    return claim.filter((scope): scope is string => typeof scope === 'string' && scope.length > 0);
  return [];
}
