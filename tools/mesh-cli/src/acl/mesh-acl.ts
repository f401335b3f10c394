import type { DataProductManifest } from '@mesh/contract-kit';

import { renderAclFile } from './acl-file';
import { devPassword, type Env, optionalPassword, readPasswords, sha256 } from './acl-passwords';
import { findAclProblems } from './mesh-names';
import { domainAccess, operatorAccess, type RedisUserAccess } from './redis-access';

/** Full rights, for ACL LOAD, backups and health checks; only written when its password is given. */
export const ADMIN_USER = 'mesh-admin';

export interface MeshAcl {
  /** The ACL file's text. */
  text: string;
  /** Users written besides `default` (which is off). */
  users: string[];
}

/** Every user the manifests call for: one per domain, then the operator. Throws on a bad manifest set. */
export function meshAccess(manifests: readonly DataProductManifest[]): RedisUserAccess[] {
  const problems = findAclProblems(manifests);
  if (problems.length > 0)
    throw new Error(`the manifests cannot be turned into a Redis ACL:\n  - ${problems.join('\n  - ')}`);
  return [...manifests.map((manifest) => domainAccess(manifest)), operatorAccess(manifests)];
}

/**
 * The ACL file for the mesh. Passwords come from `REDIS_PASSWORD_<USER>[_FILE]`, or with `dev`
 * from `devPassword`; only their SHA-256 is written.
 */
export function buildMeshAcl(manifests: readonly DataProductManifest[], options: { env: Env; dev: boolean }): MeshAcl {
  const access = meshAccess(manifests);
  const names = access.map(({ user }) => user);
  const passwords = options.dev
    ? new Map(names.map((user) => [user, devPassword(user)]))
    : readPasswords(names, options.env);
  const adminPassword = options.dev ? devPassword(ADMIN_USER) : optionalPassword(ADMIN_USER, options.env);
  const users = access.map((user) => ({ access: user, passwordSha256: sha256(passwords.get(user.user) as string) }));
  const admin = adminPassword === undefined ? undefined : { user: ADMIN_USER, passwordSha256: sha256(adminPassword) };
  return {
    text: renderAclFile(users, admin),
    users: admin ? [...names, ADMIN_USER] : names,
  };
}
