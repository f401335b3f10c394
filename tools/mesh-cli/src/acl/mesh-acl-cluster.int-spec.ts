import { down, ensureRedisCluster, type RedisCluster } from '@mesh/infra';
import { streamKeys } from '@mesh/messaging';
import { ORDER_STREAM } from '@mesh/orders-contracts';
import { Queue, Worker } from 'bullmq';
import { Cluster, Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { meshProducts } from '../products';
import { passwordVariable } from './acl-passwords';
import { ADMIN_USER, buildMeshAcl, meshAccess } from './mesh-acl';
import { hashTagged } from './redis-access';

const refused = /NOPERM/;
const orderKey = streamKeys.source(ORDER_STREAM);

/**
 * The generated ACL file on a Redis Cluster: every node of a cluster from `@mesh/infra` starts
 * with it (`--aclfile`), and a domain's user, connected as an ioredis `Cluster`, discovers the
 * slots, writes its own stream and is refused another domain's, as on a single Redis.
 */
describe('the generated Redis ACL on every node of a cluster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mesh-acl-cluster-'));
  const silent = (): void => undefined;
  const passwords = new Map<string, string>();
  const clients: { disconnect(): void }[] = [];
  let cluster: RedisCluster;

  beforeAll(async () => {
    chmodSync(dir, 0o755);
    const manifests = meshProducts.map((product) => product.manifest);
    const env: Record<string, string> = {};
    for (const user of [...meshAccess(manifests).map((access) => access.user), ADMIN_USER]) {
      passwords.set(user, randomBytes(12).toString('base64url'));
      env[passwordVariable(user)] = passwords.get(user) as string;
    }
    const aclFile = join(dir, 'users.acl');
    writeFileSync(aclFile, buildMeshAcl(manifests, { env, dev: false }).text);
    cluster = await ensureRedisCluster({
      rootDir: dir,
      log: silent,
      acl: { file: aclFile, admin: { username: ADMIN_USER, password: passwords.get(ADMIN_USER) as string } },
    });
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await down({ rootDir: dir, log: silent, topologies: ['redis-cluster'] }).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  /** A connection as `user`, the way a service makes one to a cluster. */
  function clusterAs(user: string): Cluster {
    const client = new Cluster(
      cluster.nodes.map(({ host, port }) => ({ host, port })),
      { redisOptions: { username: user, password: passwords.get(user) }, clusterRetryStrategy: () => null },
    );
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  }

  function nodeAs(user: string, port: number): Redis {
    const client = new Redis({ port, username: user, password: passwords.get(user), maxRetriesPerRequest: 0 });
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  }

  it('has every node refuse a connection without credentials', async () => {
    for (const node of cluster.nodes) {
      const anonymous = new Redis({ port: node.port, protocol: 2, enableReadyCheck: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
      anonymous.on('error', () => undefined);
      clients.push(anonymous);
      await expect(anonymous.ping()).rejects.toThrow(/NOAUTH/);
    }
  });

  it('lets orders discover the cluster and XADD to its stream, and refuses another domain\'s stream', async () => {
    const orders = clusterAs('orders');

    const id = (await orders.xadd(orderKey, '*', 'type', 'OrderPlaced')) as string;

    expect(await orders.xrange(orderKey, id, id)).toEqual([[id, ['type', 'OrderPlaced']]]);
    await expect(orders.xadd('{customers.customer.v1}', '*', 'type', 'CustomerRegistered')).rejects.toThrow(refused);
    await expect(orders.xadd('{analytics.sales.v1}', '*', 'type', 'Sale')).rejects.toThrow(refused);
  }, 30_000);

  it('lets orders, on every node, read the slots, open a replica for reads and WAIT, but not change the cluster', async () => {
    for (const node of cluster.nodes) {
      const orders = nodeAs('orders', node.port);
      expect(await orders.call('CLUSTER', 'INFO')).toMatch(/cluster_state:ok/);
      expect(await orders.call('CLUSTER', 'SLOTS')).toHaveLength(3);
      expect(await orders.call('READONLY')).toBe('OK');
      // WAIT is a master's (a replica answers that it cannot): what matters is that the ACL lets it through.
      if (node.role === 'master') expect(await orders.call('WAIT', '0', '10')).toEqual(expect.any(Number));
      else await expect(orders.call('WAIT', '0', '10')).rejects.toThrow(/cannot be used with replica/);
      await expect(orders.call('CLUSTER', 'NODES')).rejects.toThrow(refused);
      await expect(orders.call('CLUSTER', 'FAILOVER')).rejects.toThrow(refused);
      await expect(orders.call('CLUSTER', 'RESET')).rejects.toThrow(refused);
    }
  }, 30_000);

  it("runs analytics' BullMQ jobs under the hash-tagged form of its key prefix, which a cluster needs", async () => {
    // apps/analytics does the same: one cluster client of its own, given to BullMQ, prefix `{analytics}`.
    const connection = new Cluster(
      cluster.nodes.map(({ host, port }) => ({ host, port })),
      { redisOptions: { username: 'analytics', password: passwords.get('analytics'), maxRetriesPerRequest: null } },
    );
    connection.on('error', () => undefined);
    const prefix = hashTagged('analytics:').slice(0, -1);
    const queue = new Queue('rebuild', { connection, prefix });
    const worker = new Worker('rebuild', async (job) => ({ doubled: (job.data as { n: number }).n * 2 }), { connection, prefix });
    const errors: Error[] = [];
    worker.on('error', (error) => errors.push(error));
    try {
      const job = await queue.add('rebuild', { n: 21 });
      const deadline = Date.now() + 20_000;
      while ((await job.getState()) !== 'completed' && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
      expect(await job.getState()).toBe('completed');
      expect((await queue.getJob(job.id as string))?.returnvalue).toEqual({ doubled: 42 });
      expect(errors).toEqual([]);
      // Without the hash tag a queue's keys fall into different slots: refused, whatever the ACL says.
      const untagged = new Queue('rebuild', { connection, prefix: 'analytics' });
      await expect(untagged.add('rebuild', { n: 1 })).rejects.toThrow(/CROSSSLOT|NOPERM/);
      await untagged.close();
    } finally {
      await worker.close();
      await queue.close();
      connection.disconnect();
    }
  }, 40_000);
});
