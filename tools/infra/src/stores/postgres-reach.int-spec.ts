import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

import { freePorts, isolatedEnv } from '../../test/infra-test-kit';
import { down } from '../down';
import { isListening } from '../probe';
import { readState } from '../state-file';
import { up } from '../up';
import { loadPostgresBinaries } from './embedded-postgres-binaries';
import { binariesCopyDir, outsideWorkspaceDir } from './postgres-reach';

const asRoot = process.getuid?.() === 0;

/**
 * A workspace inside a directory closed to others, as a clone in root's home (0700) or in a
 * `mktemp -d` directory is. As root, PostgreSQL runs as the postgres user, which can reach
 * neither the workspace's .mesh nor its node_modules there; the embedded server must start anyway.
 */
describe('embedded PostgreSQL in a workspace closed to others', () => {
  const closedParent = mkdtempSync(join(tmpdir(), 'infra-closed-'));
  const rootDir = join(closedParent, 'workspace');
  const silent = (): void => undefined;
  let env: NodeJS.ProcessEnv;
  let port: number;

  beforeAll(async () => {
    [port] = await freePorts(1);
    env = isolatedEnv({ MESH_POSTGRES_PORT: String(port) });
    mkdirSync(rootDir, { mode: 0o755 });
    // The programs too, as node_modules would be inside such a workspace.
    const shipped = await loadPostgresBinaries();
    cpSync(dirname(dirname(shipped.initdb)), join(rootDir, 'native'), { recursive: true, verbatimSymlinks: true });
    chmodSync(closedParent, 0o700);
  }, 60_000);

  afterAll(async () => {
    await down({ rootDir, env, log: silent }).catch(() => undefined);
    rmSync(closedParent, { recursive: true, force: true });
    // What the run put outside the workspace, under paths named after this test's temporary one.
    rmSync(binariesCopyDir(join(rootDir, 'native')), { recursive: true, force: true });
    rmSync(outsideWorkspaceDir(join(rootDir, '.mesh')), { recursive: true, force: true });
  }, 60_000);

  it('starts, answers queries and stops', async () => {
    const native = join(rootDir, 'native', 'bin');
    const binaries = {
      postgres: { initdb: join(native, 'initdb'), pg_ctl: join(native, 'pg_ctl'), postgres: join(native, 'postgres') },
    };

    const result = await up({ rootDir, env, log: silent, stores: ['postgres'], binaries });

    expect(result.startedNow.map((server) => server.store)).toEqual(['postgres']);
    const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await client.connect();
    try {
      expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
    // As root the data had to leave the closed workspace; as its owner it stays in .mesh.
    const dataDir = readState(join(rootDir, '.mesh', 'infra-state.json')).postgres?.dataDir ?? '';
    expect(dataDir.startsWith(closedParent)).toBe(!asRoot);

    const stopped = await down({ rootDir, env, log: silent });
    expect(stopped.stopped.map((server) => server.store)).toEqual(['postgres']);
    expect(await isListening(port)).toBe(false);
  }, 120_000);
});
