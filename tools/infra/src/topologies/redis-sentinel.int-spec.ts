import { Redis } from 'ioredis';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { isolatedEnv, makeTempRoot, runCli } from '../../test/infra-test-kit';
import { down } from '../down';
import { readEnvFile } from '../env-file';
import { isAlive } from '../processes';
import { readTopologies } from '../state-file';
import { infoFields, redisCall } from './redis-admin';
import { ensureRedisSentinel, type RedisSentinelSetup } from './redis-sentinel';
import { waitFor } from './wait-for';

/**
 * A master, a replica and three sentinels in a temp .mesh, started through the CLI as
 * `npm run infra:up -- redis-sentinel` does; then the master is killed and the sentinels promote
 * the replica (down-after 1 s, failover-timeout 3 s: the defaults).
 */
describe('infra:up -- redis-sentinel', () => {
  const root = makeTempRoot('redis-sentinel');
  const env = isolatedEnv();
  const silent = (): void => undefined;
  let setup: RedisSentinelSetup;

  afterAll(async () => {
    await down({ rootDir: root.dir, env, log: silent, topologies: ['redis-sentinel'] }).catch(() => undefined);
    root.remove();
  }, 30_000);

  it('starts a master, a replica and three sentinels, and writes .mesh/redis-sentinel.env', async () => {
    const run = await runCli(['up', '--root', root.dir, 'redis-sentinel'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    setup = await ensureRedisSentinel({ rootDir: root.dir, env, log: silent });

    expect(setup.reused).toBe(true);
    expect(setup.replicas).toHaveLength(1);
    expect(setup.sentinels).toHaveLength(3);
    expect(readEnvFile(join(root.dir, '.mesh', 'redis-sentinel.env'))).toEqual({
      REDIS_SENTINELS: setup.sentinels.map((sentinel) => `127.0.0.1:${sentinel.port}`).join(','),
      REDIS_SENTINEL_MASTER: 'mesh',
    });
    expect(existsSync(join(root.dir, '.mesh', 'env'))).toBe(false);
    expect(run.stdout).toContain(`REDIS_SENTINEL_MASTER=mesh`);
  }, 60_000);

  it('has every sentinel name the master, which the replica follows', async () => {
    for (const sentinel of setup.sentinels) {
      expect(await redisCall(sentinel.port, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'mesh'])).toEqual([
        '127.0.0.1',
        String(setup.master.port),
      ]);
    }
    const replication = infoFields(await redisCall(setup.replicas[0].port, ['INFO', 'replication']));
    expect([replication.get('role'), replication.get('master_port')]).toEqual(['slave', String(setup.master.port)]);
  });

  it('promotes the replica when the master is killed, and an ioredis sentinel client writes to it', async () => {
    const replica = setup.replicas[0];
    process.kill(setup.master.pid, 'SIGKILL');

    await waitFor(
      'failover',
      async () => {
        for (const sentinel of setup.sentinels) {
          const [, port] = (await redisCall(sentinel.port, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'mesh'])) as string[];
          if (Number(port) !== replica.port) return `sentinel ${sentinel.port} names ${port}`;
        }
        const role = infoFields(await redisCall(replica.port, ['INFO', 'replication'])).get('role');
        return role === 'master' ? undefined : `the replica is still a ${role}`;
      },
      30_000,
    );
    const client = new Redis({ sentinels: setup.sentinels.map(({ host, port }) => ({ host, port })), name: 'mesh' });
    try {
      await client.xadd('{orders.order.v1}', '*', 'type', 'OrderPlaced');
      expect(await redisCall(replica.port, ['XLEN', '{orders.order.v1}'])).toBe(1);
    } finally {
      client.disconnect();
    }
  }, 45_000);

  it('is stopped by infra:down, which reports the killed master as gone', async () => {
    const run = await runCli(['down', '--root', root.dir, 'redis-sentinel'], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`(pid ${setup.master.pid}, port ${setup.master.port}) was no longer running`);
    expect([...setup.replicas, ...setup.sentinels].map((node) => isAlive(node.pid))).toEqual([false, false, false, false]);
    expect(readTopologies(join(root.dir, '.mesh', 'infra-state.json'))).toEqual({});
    expect(existsSync(setup.envFile)).toBe(false);
  }, 30_000);
});
