import type { DataProductManifest } from '@mesh/contract-kit';

import { renderAclFile } from './acl-file';
import { devPassword, type Env, optionalPassword, readPasswords, sha256 } from './acl-passwords';
import { findAclProblems } from './mesh-names';
import { CATALOG_USER, catalogAccess, domainAccess, operatorAccess, type RedisUserAccess } from './redis-access';

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
 * from `devPassword`; only their SHA-256 is written. The catalog's user (`mesh-catalog`, for
 * live samples) is written when its password is given, as `mesh-admin` is, and always with `dev`:
 * a catalog without Redis shows no samples but works.
 */
export function buildMeshAcl(manifests: readonly DataProductManifest[], options: { env: Env; dev: boolean }): MeshAcl {
  const required = meshAccess(manifests);
  const password = (user: string) => (options.dev ? devPassword(user) : optionalPassword(user, options.env));
  const catalogPassword = password(CATALOG_USER);
  const access = catalogPassword === undefined ? required : [...required, catalogAccess(manifests)];
  const passwords = options.dev
    ? new Map(access.map(({ user }) => [user, devPassword(user)]))
    : readPasswords(
        required.map(({ user }) => user),
        options.env,
      );
  if (catalogPassword !== undefined) passwords.set(CATALOG_USER, catalogPassword);
  const names = access.map(({ user }) => user);
  const adminPassword = password(ADMIN_USER);
  const users = access.map((user) => ({ access: user, passwordSha256: sha256(passwords.get(user.user) as string) }));
  const admin = adminPassword === undefined ? undefined : { user: ADMIN_USER, passwordSha256: sha256(adminPassword) };
  return {
    text: renderAclFile(users, admin),
    users: admin ? [...names, ADMIN_USER] : names,
  };
}
