import { InfraError } from '../errors';
import { runCommand } from '../processes';

export interface RunAs {
  uid: number;
  gid: number;
}

const FIX =
  'useradd --system --user-group postgres (PostgreSQL then runs as that user), ' +
  'or run infra as a non-root user, or set POSTGRES_URL to a running server';

/**
 * PostgreSQL refuses to run as root. As root, initdb and pg_ctl run as the
 * `postgres` system user instead; as anyone else, as themselves (undefined).
 */
export async function postgresRunAs(user = 'postgres'): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([idOf('-u', user), idOf('-g', user)]);
  return { uid, gid };
}

async function idOf(flag: '-u' | '-g', user: string): Promise<number> {
  const result = await runCommand('id', [flag, user]).catch((error: unknown) => {
    throw new InfraError(`PostgreSQL: running as root, and \`id\` could not look up the ${user} user`, {
      fix: FIX,
      cause: error,
    });
  });
  const id = Number(result.output.trim());
  if (result.code !== 0 || !Number.isInteger(id)) {
    throw new InfraError(`PostgreSQL refuses to run as root and there is no ${user} system user (${result.output.trim()})`, {
      fix: FIX,
    });
  }
  return id;
}
