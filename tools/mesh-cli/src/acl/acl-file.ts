import type { RedisUserAccess } from './redis-access';

/** A user with what it may do and the SHA-256 of its password. */
export interface AclUser {
  access: RedisUserAccess;
  passwordSha256: string;
}

/** The `default` user (what an unauthenticated connection is) can do nothing and cannot log in. */
export const defaultUserOff = 'user default off resetpass resetkeys resetchannels -@all';

/**
 * The text of a Redis ACL file (`redis-server --aclfile`, `ACL LOAD`): one `user` line each,
 * `default` first. Redis reads no comments in this file; the README explains the rules.
 */
export function renderAclFile(users: readonly AclUser[], admin?: { user: string; passwordSha256: string }): string {
  const lines = [defaultUserOff, ...users.map(aclLine)];
  if (admin) lines.push(`user ${admin.user} on #${admin.passwordSha256} ~* &* +@all`);
  return `${lines.join('\n')}\n`;
}

export function aclLine({ access, passwordSha256 }: AclUser): string {
  const selectors = access.selectors.map(
    ({ keys, commands }) =>
      `(${[...keys.map((key) => `~${key}`), ...commands.map((command) => `+${command}`)].join(' ')})`,
  );
  return [
    `user ${access.user} on #${passwordSha256} resetkeys resetchannels -@all`,
    ...access.commands.map((command) => `+${command}`),
    ...selectors,
  ].join(' ');
}
