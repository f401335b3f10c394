import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

import { WORKSPACE_ROOT } from '../workspace';

/**
 * deploy/postgres/create-domain-databases.sh against the real PostgreSQL that tools/infra resolved:
 * what the Swarm test proves on a fresh volume (first start), here also run again over existing
 * roles and databases, as deploy/README.md says to for a domain added to a running stack.
 */
const SCRIPT = join(WORKSPACE_ROOT, 'deploy/postgres/create-domain-databases.sh');
const admin = new URL(process.env['POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const domains = [`zz_first_${suffix}`, `zz_added_${suffix}`];

describe('deploy/postgres/create-domain-databases.sh', () => {
  let secrets: string;
  let client: Client;

  beforeAll(async () => {
    secrets = mkdtempSync(join(tmpdir(), 'postgres-domain-databases-'));
    client = new Client({ connectionString: admin.href });
    await client.connect();
  });

  afterAll(async () => {
    for (const name of domains) {
      await client.query(`DROP DATABASE IF EXISTS "${name}"`);
      await client.query(`DROP ROLE IF EXISTS "${name}"`);
    }
    await client.end();
    rmSync(secrets, { recursive: true, force: true });
  });

  /** Runs the script as the image's entry point would, with `urls` as `<VARIABLE>: url` secret files. */
  function runScript(urls: Record<string, string>) {
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      PGHOST: admin.hostname,
      PGPORT: admin.port || '5432',
      POSTGRES_USER: decodeURIComponent(admin.username) || 'postgres',
      ...(admin.password ? { PGPASSWORD: decodeURIComponent(admin.password) } : {}),
    };
    for (const [variable, url] of Object.entries(urls)) {
      const file = join(secrets, variable.toLowerCase());
      writeFileSync(file, `${url}\n`);
      env[variable] = file;
    }
    const result = spawnSync('bash', [SCRIPT], { env, encoding: 'utf8' });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  }

  const urlOf = (name: string, password: string) => `postgres://${name}:${password}@postgres:5432/${name}`;

  async function ownerOf(database: string): Promise<{ owner: string; publicConnect: boolean } | undefined> {
    const { rows } = await client.query<{ owner: string; public_connect: boolean }>(
      `SELECT pg_get_userbyid(datdba) AS owner,
              coalesce(has_database_privilege('public', oid, 'CONNECT'), false) AS public_connect
         FROM pg_database WHERE datname = $1`,
      [database],
    );
    return rows[0] && { owner: rows[0].owner, publicConnect: rows[0].public_connect };
  }

  it('creates each domain its role and a database it owns, closed to everyone else', async () => {
    const [first] = domains;
    const { code, output } = runScript({ ZZ_FIRST_DATABASE_URL_FILE: urlOf(first, 'p%40ss%2Fword') });
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining(`role ${first}, database ${first}`) });
    expect(await ownerOf(first)).toEqual({ owner: first, publicConnect: false });
    const { rows } = await client.query<{ rolcanlogin: boolean }>('SELECT rolcanlogin FROM pg_roles WHERE rolname = $1', [first]);
    expect(rows).toEqual([{ rolcanlogin: true }]);
  });

  it('runs again over what exists and creates only what is missing', async () => {
    const [first, added] = domains;
    const { code, output } = runScript({
      ZZ_FIRST_DATABASE_URL_FILE: urlOf(first, 'p%40ss%2Fword'),
      ZZ_ADDED_DATABASE_URL_FILE: urlOf(added, 'an0ther'),
    });
    expect({ code, output }).toEqual({ code: 0, output: expect.not.stringContaining('ERROR') });
    expect(output.match(/CREATE ROLE/g)).toHaveLength(1);
    expect(output.match(/CREATE DATABASE/g)).toHaveLength(1);
    expect(await ownerOf(first)).toEqual({ owner: first, publicConnect: false });
    expect(await ownerOf(added)).toEqual({ owner: added, publicConnect: false });
  });

  it('refuses a URL it cannot read a user, password and database from, naming the variable', () => {
    const { code, output } = runScript({ ZZ_BAD_DATABASE_URL_FILE: 'postgres://postgres:5432/nowhere' });
    expect(code).toBe(1);
    expect(output).toContain('ZZ_BAD_DATABASE_URL_FILE must name a URL postgres://<user>:<password>@<host>/<database>');
  });

  it('fails when no domain URL is given', () => {
    const { code, output } = runScript({});
    expect(code).toBe(1);
    expect(output).toContain('no <DOMAIN>_DATABASE_URL_FILE variable');
  });
});
