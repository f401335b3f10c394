import { join } from 'node:path';

import { FERRETDB_BUILD_TIMEOUT_MS, ferretdbBuilt, freePorts, isolatedEnv, makeTempRoot, runCli } from '../test/infra-test-kit';
import { down } from './down';
import { readEnvFile } from './env-file';
import { readState } from './state-file';

/**
 * `nx run-many -t serve -p orders customers` runs each domain's `infra` target side by side
 * (`up postgres redis`, `up mongo redis`), and two terminals may do the same: the two CLIs take
 * turns, so a store they share is started once and .mesh/env keeps both sets of URLs.
 */
describe('two infra up side by side', () => {
  const root = makeTempRoot('concurrent-up');
  let env: NodeJS.ProcessEnv;
  let ports: { redis: number; mongo: number };
  const silent = (): void => undefined;

  beforeAll(async () => {
    await ferretdbBuilt();
    const [redis, mongo] = await freePorts(2);
    ports = { redis, mongo };
    env = isolatedEnv({ MESH_REDIS_PORT: String(redis), MESH_MONGO_PORT: String(mongo) });
  }, FERRETDB_BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await down({ rootDir: root.dir, env, log: silent }).catch(() => undefined);
    root.remove();
  }, 60_000);

  it('start a shared store once and keep every URL', async () => {
    const [first, second] = await Promise.all([
      runCli(['up', '--root', root.dir, 'redis'], env),
      runCli(['up', '--root', root.dir, 'mongo', 'redis'], env),
    ]);

    expect([first.code, second.code, first.stderr + second.stderr]).toEqual([0, 0, '']);
    const output = first.stdout + second.stdout;
    expect(output.match(/redis-server started by infra/g)).toHaveLength(1);
    // Whichever ran second found it recorded by the first, not as someone else's server.
    expect(output).toMatch(/redis-server started earlier by infra \(pid \d+\), still running/);
    const state = readState(join(root.dir, '.mesh', 'infra-state.json'));
    expect([state.redis?.kind, state.mongo?.kind]).toEqual(['redis-server', 'ferretdb']);
    expect(readEnvFile(join(root.dir, '.mesh', 'env'))).toMatchObject({
      REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
      CUSTOMERS_MONGODB_URL: `mongodb://127.0.0.1:${ports.mongo}/customers`,
    });
  }, 120_000);
});
