import { Cluster, Redis } from 'ioredis';

import { createRedisClient, duplicateClient, isCluster } from './create-redis-client';

const cluster = {
  kind: 'cluster' as const,
  nodes: [{ host: '10.0.0.1', port: 7001 }],
  credentials: { username: 'orders', password: 's3cret' },
  tls: false,
};

describe('createRedisClient', () => {
  it('makes a client of one server from a URL, with the options as given', () => {
    const client = createRedisClient('redis://orders:pw@bus:6380', {
      lazyConnect: true,
      connectionName: 'x',
    });
    expect(client).toBeInstanceOf(Redis);
    expect(isCluster(client)).toBe(false);
    expect(client.options).toMatchObject({
      host: 'bus',
      port: 6380,
      username: 'orders',
      password: 'pw',
      connectionName: 'x',
    });
    client.disconnect();
  });

  it("splits one connection's options into the cluster's and each node's, credentials to the nodes", () => {
    const client = createRedisClient(cluster, {
      lazyConnect: true,
      enableOfflineQueue: false,
      enableReadyCheck: false,
      retryStrategy: () => null,
      maxRetriesPerRequest: null,
      connectionName: 'mesh-outbox-relay',
      commandTimeout: 250,
    });
    expect(client).toBeInstanceOf(Cluster);
    const { options } = client as Cluster;
    expect(options).toMatchObject({
      lazyConnect: true,
      enableOfflineQueue: false,
      enableReadyCheck: false,
    });
    expect(options.clusterRetryStrategy?.(1)).toBeNull();
    expect(options.redisOptions).toMatchObject({
      username: 'orders',
      password: 's3cret',
      connectionName: 'mesh-outbox-relay',
      commandTimeout: 250,
      maxRetriesPerRequest: null,
    });
    expect(options.redisOptions).not.toHaveProperty('retryStrategy');
    client.disconnect();
  });

  it('finds a master through sentinels under its name, with both sets of credentials', () => {
    const client = createRedisClient(
      {
        kind: 'sentinel',
        sentinels: [{ host: 's1', port: 26379 }],
        masterName: 'mesh',
        credentials: { username: 'orders', password: 'pw' },
        sentinelCredentials: { password: 'watch' },
        tls: false,
      },
      { lazyConnect: true },
    );
    expect((client as Redis).options).toMatchObject({
      sentinels: [{ host: 's1', port: 26379 }],
      name: 'mesh',
      username: 'orders',
      password: 'pw',
      sentinelPassword: 'watch',
    });
    client.disconnect();
  });

  it('duplicates a cluster client as a cluster, with node options on top', () => {
    const original = createRedisClient(cluster, {
      lazyConnect: true,
      connectionName: 'a',
    });
    const copy = duplicateClient(original, {
      connectionName: 'b',
      enableOfflineQueue: false,
    });
    expect(copy).toBeInstanceOf(Cluster);
    expect((copy as Cluster).options).toMatchObject({
      enableOfflineQueue: false,
      redisOptions: { connectionName: 'b', username: 'orders' },
    });
    original.disconnect();
    copy.disconnect();
  });
});
