/**
 * A Redis URL with the given user and password in it (percent-encoded, as ioredis decodes
 * them), replacing those the URL had; what is not given is kept.
 */
export function withRedisCredentials(url: string, credentials: { username?: string; password?: string }): string {
  if (!credentials.username && !credentials.password) return url;
  const parsed = new URL(url);
  if (credentials.username) parsed.username = encodeURIComponent(credentials.username);
  if (credentials.password) parsed.password = encodeURIComponent(credentials.password);
  return parsed.toString();
}
