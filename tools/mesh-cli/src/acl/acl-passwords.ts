import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export type Env = Readonly<Record<string, string | undefined>>;

/** `orders` → `REDIS_PASSWORD_ORDERS`, `mesh-operator` → `REDIS_PASSWORD_MESH_OPERATOR`. */
export function passwordVariable(user: string): string {
  return `REDIS_PASSWORD_${user.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Fixed, public passwords for a laptop: `mesh-dev-<user>`. */
export function devPassword(user: string): string {
  return `mesh-dev-${user}`;
}

/** What the ACL file holds instead of a password: its SHA-256, as `#<hex>` expects. */
export function sha256(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('hex');
}

export class MissingPasswordsError extends Error {
  override readonly name = 'MissingPasswordsError';
}

/**
 * Each user's password from `REDIS_PASSWORD_<USER>` or the file named by
 * `REDIS_PASSWORD_<USER>_FILE` (a Docker/Swarm secret; one trailing newline dropped). Throws one
 * error that names every user without a usable password, so they can be fixed in one round.
 */
export function readPasswords(users: readonly string[], env: Env): Map<string, string> {
  const passwords = new Map<string, string>();
  const problems: string[] = [];
  for (const user of users) {
    const read = readPassword(user, env);
    if ('password' in read) passwords.set(user, read.password);
    else problems.push(read.problem);
  }
  if (problems.length > 0) {
    throw new MissingPasswordsError(
      `cannot write the Redis ACL file:\n  - ${problems.join('\n  - ')}\n` +
        'or pass --dev for fixed development passwords (never outside a laptop)',
    );
  }
  return passwords;
}

/** A password when its variable (or file) is set; undefined when neither is; throws when unusable. */
export function optionalPassword(user: string, env: Env): string | undefined {
  const variable = passwordVariable(user);
  if (!env[variable] && !env[`${variable}_FILE`]) return undefined;
  return readPasswords([user], env).get(user);
}

function readPassword(user: string, env: Env): { password: string } | { problem: string } {
  const variable = passwordVariable(user);
  const direct = env[variable] || undefined;
  const file = env[`${variable}_FILE`] || undefined;
  if (direct && file) return { problem: `${user}: both ${variable} and ${variable}_FILE are set; set only one` };
  if (direct) return { password: direct };
  if (!file) return { problem: `${user}: set ${variable} or ${variable}_FILE` };
  let content: string;
  try {
    content = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    return { problem: `${user}: cannot read ${variable}_FILE "${file}": ${(error as Error).message}` };
  }
  return content ? { password: content } : { problem: `${user}: ${variable}_FILE "${file}" is empty` };
}
