import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { closeServer, freePorts, isolatedEnv, listen, makeTempRoot } from '../test/infra-test-kit';
import { readEnvFile } from './env-file';
import { InfraError } from './errors';
import { isListening } from './probe';
import { up } from './up';

/** How `up` chooses and fails, on free ports, without touching the machine's own servers. */
describe('up', () => {
  const root = makeTempRoot('failures');
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);
  const stateFile = join(root.dir, '.mesh', 'infra-state.json');
  let ports: { postgres: number; redis: number; mongo: number };

  beforeAll(async () => {
    const [postgres, redis, mongo] = await freePorts(3);
    ports = { postgres, redis, mongo };
  });
  beforeEach(() => (lines.length = 0));
  afterAll(() => root.remove());

  it('takes URLs from the environment first and starts nothing', async () => {
    const env = isolatedEnv({
      ORDERS_DATABASE_URL: `postgres://app@127.0.0.1:${ports.postgres}/orders`,
      ANALYTICS_DATABASE_URL: `postgres://app@127.0.0.1:${ports.postgres}/analytics`,
      REDIS_URL: `redis://127.0.0.1:${ports.redis}/2`,
      CUSTOMERS_MONGODB_URL: `mongodb://127.0.0.1:${ports.mongo}/crm`,
    });

    const result = await up({ rootDir: root.dir, env, ports, log });

    expect(result.stores.map((store) => store.source)).toEqual(['env', 'env', 'env']);
    expect(result.startedNow).toEqual([]);
    expect(readEnvFile(result.envFile)).toEqual({
      POSTGRES_URL: `postgres://app@127.0.0.1:${ports.postgres}/postgres`,
      ORDERS_DATABASE_URL: `postgres://app@127.0.0.1:${ports.postgres}/orders`,
      ANALYTICS_DATABASE_URL: `postgres://app@127.0.0.1:${ports.postgres}/analytics`,
      REDIS_URL: `redis://127.0.0.1:${ports.redis}/2`,
      CUSTOMERS_MONGODB_URL: `mongodb://127.0.0.1:${ports.mongo}/crm`,
      AUTH_JWKS_FILE: join(root.dir, '.mesh', 'jwks.json'),
      AUTH_ISSUER: 'mesh-dev-issuer',
    });
    expect(result.devIssuer.privateJwk.kid).toBe(
      (JSON.parse(readFileSync(join(root.dir, '.mesh', 'jwks.json'), 'utf8')) as { keys: Array<{ kid: string }> }).keys[0].kid,
    );
    expect(lines.join('\n')).toContain('REDIS_URL from the environment');
  }, 30_000);

  it('refuses a port held by something that is not Redis', async () => {
    const impostor = await listen(ports.redis);
    try {
      const failure = up({ rootDir: root.dir, env: isolatedEnv(), ports, stores: ['redis'], log });

      await expect(failure).rejects.toThrow(InfraError);
      await expect(failure).rejects.toThrow(`something listens on 127.0.0.1:${ports.redis}`);
      await expect(failure).rejects.toMatchObject({ fix: expect.stringContaining('MESH_REDIS_PORT') });
      expect(existsSync(stateFile)).toBe(false);
    } finally {
      await closeServer(impostor);
    }
  }, 30_000);

  it('stops what it started when a later store fails, and shows the failed log', async () => {
    const badFerretdb = join(root.dir, 'bad-ferretdb');
    writeFileSync(badFerretdb, '#!/bin/sh\necho "bad-ferretdb: cannot open data directory" >&2\nexit 3\n');
    chmodSync(badFerretdb, 0o755);

    const failure = up({
      rootDir: root.dir,
      env: isolatedEnv(),
      ports,
      stores: ['redis', 'mongo'],
      binaries: { ferretdb: badFerretdb },
      log,
    });

    await expect(failure).rejects.toThrow(/ferretdb did not start .*exit code 3/);
    await expect(failure).rejects.toThrow('bad-ferretdb: cannot open data directory');
    expect(lines.join('\n')).toMatch(/redis: stopped redis-server .*rolling back/);
    expect(await isListening(ports.redis)).toBe(false);
    expect(existsSync(stateFile)).toBe(false);
  }, 60_000);

  it('says how to install redis-server when it is not on PATH', async () => {
    const failure = up({ rootDir: root.dir, env: isolatedEnv({ PATH: '' }), ports, stores: ['redis'], log });

    await expect(failure).rejects.toThrow('redis-server is not on PATH');
    await expect(failure).rejects.toMatchObject({ fix: expect.stringContaining('apt-get install redis-server') });
  }, 30_000);

  it('reports a PostgreSQL that cannot be initialised and leaves nothing running', async () => {
    const postgres = { initdb: '/bin/false', pg_ctl: '/bin/false', postgres: '/bin/false' };

    const failure = up({ rootDir: root.dir, env: isolatedEnv(), ports, binaries: { postgres }, log });

    await expect(failure).rejects.toThrow(/initdb of .*postgres failed/);
    expect(await isListening(ports.postgres)).toBe(false);
    expect(existsSync(stateFile)).toBe(false);
  }, 30_000);
});
