import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';

import type { RedisTopology } from './redis-topology';

/** A client of any topology: ioredis' `Redis` (one server, or a Sentinel master) or its `Cluster`. */
export type RedisClient = Redis | Cluster;

/** Where a client connects: a topology, or a URL of one server (tests, tools). */
export type RedisTarget = RedisTopology | string;

/**
 * The one place a service makes a Redis client, whatever the topology: `options` are ioredis'
 * options of one connection, as for `new Redis(url, options)`. For a cluster they are split the
 * way ioredis' `Cluster` wants them: the offline queue, the ready check, lazy connection and the
 * retry strategy (as `clusterRetryStrategy`) for the cluster, everything else (timeouts, the
 * connection name, `maxRetriesPerRequest`, the credentials) for each node's connection.
 */
export function createRedisClient(target: RedisTarget, options: RedisOptions = {}): RedisClient {
  const topology: RedisTopology = typeof target === 'string' ? { kind: 'single', url: target } : target;
  switch (topology.kind) {
    case 'single':
      return new Redis(topology.url, options);
    case 'sentinel':
      return new Redis({ ...options, ...sentinelOptions(topology) });
    case 'cluster':
      return new Cluster(topology.nodes, clusterOptions(topology, options));
  }
}

/** ioredis' options that reach the master the sentinels name (for clients made elsewhere, e.g. BullMQ's). */
export function sentinelOptions(topology: Extract<RedisTopology, { kind: 'sentinel' }>): RedisOptions {
  return {
    sentinels: topology.sentinels,
    name: topology.masterName,
    ...topology.credentials,
    sentinelUsername: topology.sentinelCredentials.username,
    sentinelPassword: topology.sentinelCredentials.password,
    ...(topology.tls ? { tls: {}, sentinelTLS: {}, enableTLSForSentinelMode: true } : {}),
  };
}

/** Whether the client talks to a Redis Cluster (multi-key commands must then stay in one slot). */
export function isCluster(client: RedisClient): client is Cluster {
  return client instanceof Cluster;
}

function clusterOptions(topology: Extract<RedisTopology, { kind: 'cluster' }>, options: RedisOptions): ClusterOptions {
  const {
    enableOfflineQueue,
    enableReadyCheck,
    lazyConnect,
    retryStrategy,
    host,
    port,
    path,
    sentinels,
    readOnly,
    ...node
  } = options;
  void [host, port, path, sentinels, readOnly]; // where to connect comes from the topology
  const cluster: ClusterOptions = {
    redisOptions: {
      ...node,
      ...topology.credentials,
      ...(topology.tls ? { tls: {} } : {}),
    },
  };
  if (enableOfflineQueue !== undefined) cluster.enableOfflineQueue = enableOfflineQueue;
  if (enableReadyCheck !== undefined) cluster.enableReadyCheck = enableReadyCheck;
  if (lazyConnect !== undefined) cluster.lazyConnect = lazyConnect;
  if (retryStrategy) cluster.clusterRetryStrategy = (times) => retryStrategy(times);
  else if (retryStrategy === null) cluster.clusterRetryStrategy = null;
  return cluster;
}

/** A new client like `client` (same topology and options, `override` on top), with connections of its own. */
export function duplicateClient(client: RedisClient, override: RedisOptions = {}): RedisClient {
  if (!isCluster(client)) return client.duplicate(override);
  const { enableOfflineQueue, enableReadyCheck, lazyConnect, ...node } = override;
  return client.duplicate(undefined, {
    ...client.options,
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    ...(enableReadyCheck === undefined ? {} : { enableReadyCheck }),
    ...(lazyConnect === undefined ? {} : { lazyConnect }),
    redisOptions: { ...client.options.redisOptions, ...node },
  });
}
