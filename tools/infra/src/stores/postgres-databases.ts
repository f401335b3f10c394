import { Client } from 'pg';

import { InfraError } from '../errors';

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** CREATE DATABASE for each name that is missing; PostgreSQL has no IF NOT EXISTS for it. */
export async function ensureDatabases(adminUrl: string, names: readonly string[]): Promise<string[]> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  const created: string[] = [];
  try {
    await client.connect();
    for (const name of names) {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount !== 0) continue;
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: unknown) => {
        // 42P04 duplicate_database: another process created it since the SELECT.
        if ((error as { code?: string }).code !== '42P04') throw error;
      });
      created.push(name);
    }
  } catch (error) {
    throw new InfraError(`PostgreSQL: could not create databases ${names.join(', ')} through ${adminUrl}`, {
      fix: 'check that the POSTGRES_URL user may CREATE DATABASE, or set ORDERS_DATABASE_URL and ANALYTICS_DATABASE_URL',
      cause: error,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
  return created;
}
