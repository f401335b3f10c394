import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { makeTempRoot } from '../test/infra-test-kit';
import { readState, readTopologies, writeState, writeTopologies } from './state-file';
import type { StartedServer } from './stores/store-types';

describe('state file', () => {
  const root = makeTempRoot('state-file');
  const file = join(root.dir, '.mesh', 'infra-state.json');
  const redis: StartedServer = {
    store: 'redis',
    kind: 'redis-server',
    pid: 4242,
    port: 6390,
    url: 'redis://127.0.0.1:6390',
    executable: '/usr/bin/redis-server',
    dataDir: '/tmp/x/.mesh/redis',
    logFile: '/tmp/x/.mesh/logs/redis.log',
    stop: { method: 'signal' },
    startedAt: '2026-01-01T00:00:00.000Z',
  };

  afterAll(() => root.remove());

  it('reads back what it wrote', () => {
    writeState(file, { redis });

    expect(readState(file)).toEqual({ redis });
  });

  it('removes the file when nothing is started, and reads that as empty', () => {
    writeState(file, {});

    expect(existsSync(file)).toBe(false);
    expect(readState(file)).toEqual({});
  });

  it('keeps the topologies when the stores change, and the stores when the topologies change', () => {
    const cluster = { topology: 'redis-cluster' as const, members: [redis], envFile: '/tmp/x/.mesh/redis-cluster.env', dataDir: '/tmp/x/.mesh/redis-cluster', startedAt: redis.startedAt };
    writeState(file, { redis });
    writeTopologies(file, { 'redis-cluster': cluster });
    writeState(file, {});

    expect(readTopologies(file)).toEqual({ 'redis-cluster': cluster });
    writeState(file, { redis });
    writeTopologies(file, {});
    expect(readState(file)).toEqual({ redis });
    expect(readTopologies(file)).toEqual({});
    writeState(file, {});
    expect(existsSync(file)).toBe(false);
  });

  it('names the file when it cannot be read', () => {
    mkdirSync(join(root.dir, '.mesh'), { recursive: true });
    writeFileSync(file, '{"version": 7}');

    expect(() => readState(file)).toThrow(`${file} has an unknown layout`);
  });
});
