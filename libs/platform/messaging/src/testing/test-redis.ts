import {
  createRedisClient,
  isCluster,
  type RedisClient,
  type RedisTarget,
  redisTopology,
  redisTopologyVariables,
} from '@mesh/service';
import type { RedisOptions } from 'ioredis';
import { z } from 'zod';

/**
 * The Redis the messaging specs share. Normally one server (REDIS_URL, 127.0.0.1:6379 by
 * default); with REDIS_CLUSTER_NODES set (`nx run platform-messaging:test-redis-cluster`) the
 * same specs run against that Redis Cluster, whose slots then split their streams.
 */
export function testRedisTarget(): RedisTarget {
  const nodes = process.env['REDIS_CLUSTER_NODES'];
  if (!nodes) return process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  return redisTopology(z.object(redisTopologyVariables).parse({ REDIS_CLUSTER_NODES: nodes }));
}

/** Whether the specs run against a Redis Cluster. */
export function onTestCluster(): boolean {
  return Boolean(process.env['REDIS_CLUSTER_NODES']);
}

/** A client of the specs' Redis. */
export function testRedis(options: RedisOptions = {}): RedisClient {
  return createRedisClient(testRedisTarget(), options);
}

/** The variables that point a service (or a child process) at the specs' Redis, and at nothing else. */
export function testRedisEnv(): Record<string, string> {
  const nodes = process.env['REDIS_CLUSTER_NODES'];
  // An empty REDIS_URL counts as unset: the one of .mesh/env must not name a second topology.
  return nodes ? { REDIS_CLUSTER_NODES: nodes, REDIS_URL: '' } : { REDIS_URL: testRedisTarget() as string };
}

/** The keys matching `pattern` on every master (KEYS goes to one node only on a cluster). */
export async function keysEverywhere(redis: RedisClient, pattern: string): Promise<string[]> {
  const servers = isCluster(redis) ? redis.nodes('master') : [redis];
  return (await Promise.all(servers.map((server) => server.keys(pattern)))).flat();
}
