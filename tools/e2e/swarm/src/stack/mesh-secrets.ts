import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { docker, dockerResult } from '../shell/docker';
import { runChecked } from '../shell/run';
import { WORKSPACE_ROOT } from '../workspace';

/** Marks this test's secrets and configs, so that a later run finds those an interrupted one left. */
export const SECRET_LABEL = 'mesh.e2e=swarm';

export interface MeshSecrets {
  /** Swarm secret names, as created. */
  readonly names: readonly string[];
}

/**
 * Creates every secret deploy/stack.yml names, under `<prefix>_…`, with fresh random values as
 * an operator would: database URLs carrying the domains' passwords, Redis passwords, and the
 * Redis ACL file generated from the manifests with those passwords. The customers URL points at
 * FerretDB (stack.ferretdb.yml), which checks no credentials.
 */
export async function createMeshSecrets(prefix: string, workDirectory: string): Promise<MeshSecrets> {
  const password = () => randomBytes(24).toString('hex');
  const redisPasswords = Object.fromEntries((await redisUsers()).map((user) => [user, password()]));
  const values: Record<string, string> = {
    redis_acl: await generateRedisAcl(redisPasswords, workDirectory),
    redis_password_orders: redisPasswords['orders'],
    redis_password_customers: redisPasswords['customers'],
    redis_password_analytics: redisPasswords['analytics'],
    postgres_password: password(),
    orders_database_url: `postgres://orders:${password()}@postgres:5432/orders`,
    analytics_database_url: `postgres://analytics:${password()}@postgres:5432/analytics`,
    analytics_pseudonym_key: password(),
    mongo_root_password: password(),
    customers_mongodb_url: 'mongodb://ferretdb:27017/customers',
  };
  const names: string[] = [];
  try {
    for (const [key, value] of Object.entries(values)) {
      const name = `${prefix}_${key}`;
      await docker(['secret', 'create', '--label', SECRET_LABEL, name, '-'], { input: value });
      names.push(name);
    }
  } catch (error) {
    await removeSecrets(names);
    throw error;
  }
  return { names };
}

/** Removes the secrets (those already gone are no error). */
export async function removeSecrets(names: readonly string[]): Promise<void> {
  if (names.length > 0) await dockerResult(['secret', 'rm', ...names]);
}

/**
 * The Redis users the manifests call for (one per domain, and the operator), as the ACL command
 * lists them in its development file: it knows the manifests, this test does not.
 */
async function redisUsers(): Promise<string[]> {
  const acl = await runChecked('npm', ['run', '--silent', 'mesh', '--', 'acl', '--dev'], { cwd: WORKSPACE_ROOT });
  const users = [...acl.matchAll(/^user (\S+) on /gm)].map((match) => match[1]).filter((user) => user !== 'mesh-admin');
  for (const domain of ['orders', 'customers', 'analytics']) {
    if (!users.includes(domain))
      throw new Error(`npm run mesh -- acl has no Redis user ${domain}: ${users.join(', ')}`);
  }
  return users;
}

/** `npm run mesh -- acl --out`, with each user's password in a file as the command expects. */
async function generateRedisAcl(passwords: Record<string, string>, workDirectory: string): Promise<string> {
  const directory = join(workDirectory, 'redis-acl');
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [user, value] of Object.entries(passwords)) {
    const file = join(directory, `${user}.password`);
    writeFileSync(file, value, { mode: 0o600 });
    env[`REDIS_PASSWORD_${user.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_FILE`] = file;
  }
  const aclFile = join(directory, 'users.acl');
  await runChecked('npm', ['run', '--silent', 'mesh', '--', 'acl', '--out', aclFile], { cwd: WORKSPACE_ROOT, env });
  return readFileSync(aclFile, 'utf8');
}
