import { ConfigValidationError } from '@mesh/service';
import { Redis } from 'ioredis';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { redisConfig } from './redis-config';

const variables = [
  'REDIS_URL',
  'REDIS_URL_FILE',
  'REDIS_CLUSTER_NODES',
  'REDIS_SENTINELS',
  'REDIS_SENTINEL_MASTER',
  'REDIS_SENTINEL_USERNAME',
  'REDIS_SENTINEL_PASSWORD',
  'REDIS_TLS',
  'REDIS_WAIT_REPLICAS',
  'REDIS_WAIT_TIMEOUT_MS',
  'REDIS_USERNAME',
  'REDIS_PASSWORD',
  'REDIS_PASSWORD_FILE',
  'CONSUMER_NAME',
  'IDLE_CONSUMER_REMOVED_AFTER_SECONDS',
  'STREAM_TRIM_INTERVAL_SECONDS',
  'DEAD_LETTERS_KEPT_DAYS',
  'INBOX_KEPT_DAYS',
  'STREAM_REPLAY_WINDOW_HOURS',
  'STREAM_REPLAY_CAP_HOURS',
  'OUTBOX_SENT_KEPT_HOURS',
  'INBOX_KEPT_PER_DOCUMENT',
];

/** redisConfig() reads process.env, as in a service: run it against exactly `env`. */
function configWith(env: Record<string, string>) {
  const saved = variables.map((name) => [name, process.env[name]] as const);
  for (const name of variables) delete process.env[name];
  Object.assign(process.env, env);
  try {
    return redisConfig();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** What ioredis (and so BullMQ) will authenticate with, parsed without connecting. */
function credentialsOf(url: string) {
  const client = new Redis(url, { lazyConnect: true });
  const { username, password, host, port } = client.options;
  client.disconnect();
  return { username, password, host, port };
}

describe('redisConfig', () => {
  it('keeps a URL without credentials as it is', () => {
    expect(configWith({ REDIS_URL: 'redis://bus:6379' })).toEqual({
      topology: { kind: 'single', url: 'redis://bus:6379' },
      username: undefined,
      replicaWait: { replicas: 0, timeoutMs: 1_000 },
      consumerName: undefined,
      idleConsumerMs: 600_000,
      retention: {
        intervalMs: 60_000,
        deadLettersKeptMs: 14 * 24 * 3_600_000,
        inboxKeptMs: 30 * 24 * 3_600_000,
        inboxKeptPerDocument: 1_000,
        outboxSentKeptMs: 3_600_000,
      },
    });
  });

  it('reads the retention schedule, fractions of days included, and names a variable out of bounds', () => {
    const config = configWith({
      REDIS_URL: 'redis://bus:6379',
      STREAM_TRIM_INTERVAL_SECONDS: '5',
      DEAD_LETTERS_KEPT_DAYS: '1',
      INBOX_KEPT_DAYS: '0.5',
      OUTBOX_SENT_KEPT_HOURS: '0.25',
    });
    expect(config.retention).toEqual({
      intervalMs: 5_000,
      deadLettersKeptMs: 24 * 3_600_000,
      inboxKeptMs: 12 * 3_600_000,
      inboxKeptPerDocument: 1_000,
      outboxSentKeptMs: 900_000,
    });
    expect(() => configWith({ REDIS_URL: 'redis://bus:6379', STREAM_TRIM_INTERVAL_SECONDS: '0' })).toThrow(
      /STREAM_TRIM_INTERVAL_SECONDS/,
    );
    expect(() => configWith({ REDIS_URL: 'redis://bus:6379', INBOX_KEPT_DAYS: '0' })).toThrow(/INBOX_KEPT_DAYS/);
  });

  it('overrides the replay window only with a window and a cap at least as large', () => {
    const hours = (window: string, cap: string) =>
      configWith({ REDIS_URL: 'redis://bus:6379', STREAM_REPLAY_WINDOW_HOURS: window, STREAM_REPLAY_CAP_HOURS: cap });
    expect(hours('0.01', '0.02').retention.replayOverride).toEqual({ windowMs: 36_000, capMs: 72_000 });
    expect(() => hours('2', '1')).toThrow(/STREAM_REPLAY_CAP_HOURS/);
    expect(() => configWith({ REDIS_URL: 'redis://bus:6379', STREAM_REPLAY_WINDOW_HOURS: '1' })).toThrow(
      /STREAM_REPLAY_CAP_HOURS/,
    );
  });

  it('keeps credentials written in REDIS_URL', () => {
    const config = configWith({ REDIS_URL: 'redis://orders:s3cret@bus:6379' });
    expect(config.username).toBe('orders');
    expect(credentialsOf(config.url)).toEqual({ username: 'orders', password: 's3cret', host: 'bus', port: 6379 });
  });

  it('puts REDIS_USERNAME and REDIS_PASSWORD into the URL, encoded so that ioredis reads them back', () => {
    const password = 'p@ss:w/rd#1 %41?&=';
    const config = configWith({ REDIS_URL: 'redis://bus:6379', REDIS_USERNAME: 'orders', REDIS_PASSWORD: password });
    expect(credentialsOf(config.url)).toEqual({ username: 'orders', password, host: 'bus', port: 6379 });
  });

  it('reads the password from REDIS_PASSWORD_FILE (a Swarm secret) and lets it replace the URL credentials', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'redis-config-')), 'password');
    writeFileSync(file, 'from-secret\n');
    const config = configWith({
      REDIS_URL: 'redis://old:old@bus:6379',
      REDIS_USERNAME: 'customers',
      REDIS_PASSWORD_FILE: file,
    });
    expect(config.username).toBe('customers');
    expect(credentialsOf(config.url)).toMatchObject({ username: 'customers', password: 'from-secret' });
  });

  it('refuses REDIS_USERNAME without a password, naming the variable to set', () => {
    expect(() => configWith({ REDIS_URL: 'redis://bus:6379', REDIS_USERNAME: 'orders' })).toThrow(
      ConfigValidationError,
    );
    expect(() => configWith({ REDIS_URL: 'redis://bus:6379', REDIS_USERNAME: 'orders' })).toThrow(
      /REDIS_PASSWORD: required when REDIS_USERNAME is set/,
    );
  });

  it('reads a cluster from REDIS_CLUSTER_NODES, with the credentials of REDIS_USERNAME and REDIS_PASSWORD', () => {
    const config = configWith({
      REDIS_CLUSTER_NODES: 'redis-1:7001, redis-2:7002,[::1]:7003',
      REDIS_USERNAME: 'orders',
      REDIS_PASSWORD: 's3cret',
    });
    expect(config.topology).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'redis-1', port: 7001 },
        { host: 'redis-2', port: 7002 },
        { host: '::1', port: 7003 },
      ],
      credentials: { username: 'orders', password: 's3cret' },
      tls: false,
    });
    expect(config.username).toBe('orders');
    // The relay waits for a replica where the cluster has them (decided per slot when it runs).
    expect(config.replicaWait).toEqual({ replicas: 'auto', timeoutMs: 1_000 });
    expect(() => config.url).toThrow(/Redis cluster \(REDIS_CLUSTER_NODES\), not one server/);
  });

  it('takes cluster credentials written in a node URL, and REDIS_WAIT_REPLICAS over the default', () => {
    const config = configWith({
      REDIS_CLUSTER_NODES: 'redis://orders:from%40url@redis-1:7001,redis-2:7002',
      REDIS_WAIT_REPLICAS: '2',
      REDIS_WAIT_TIMEOUT_MS: '250',
    });
    expect(config.topology).toMatchObject({ credentials: { username: 'orders', password: 'from@url' } });
    expect(config.replicaWait).toEqual({ replicas: 2, timeoutMs: 250 });
  });

  it('reads a Sentinel topology, and waits for one replica by default there', () => {
    const config = configWith({
      REDIS_SENTINELS: 'sentinel-1:26379,sentinel-2:26379',
      REDIS_SENTINEL_MASTER: 'mesh',
      REDIS_SENTINEL_PASSWORD: 'watch',
      REDIS_SENTINEL_USERNAME: 'sentinel',
    });
    expect(config.topology).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 'sentinel-1', port: 26379 },
        { host: 'sentinel-2', port: 26379 },
      ],
      masterName: 'mesh',
      credentials: {},
      sentinelCredentials: { username: 'sentinel', password: 'watch' },
      tls: false,
    });
    expect(config.replicaWait.replicas).toBe(1);
  });

  it('refuses a topology named twice, or not at all, naming the variables', () => {
    expect(() => configWith({ REDIS_URL: 'redis://bus:6379', REDIS_CLUSTER_NODES: 'redis-1:7001' })).toThrow(
      /REDIS_CLUSTER_NODES: set only one of REDIS_URL, REDIS_CLUSTER_NODES/,
    );
    expect(() => configWith({})).toThrow(/REDIS_URL: required: set REDIS_URL \(one server\), REDIS_CLUSTER_NODES/);
  });

  it('refuses sentinels without the master name, and a node that is not host:port', () => {
    expect(() => configWith({ REDIS_SENTINELS: 'sentinel-1:26379' })).toThrow(/REDIS_SENTINEL_MASTER: required with REDIS_SENTINELS/);
    expect(() => configWith({ REDIS_SENTINEL_MASTER: 'mesh' })).toThrow(/REDIS_SENTINELS: required with REDIS_SENTINEL_MASTER/);
    expect(() => configWith({ REDIS_CLUSTER_NODES: 'redis-1:7001,redis-2' })).toThrow(
      /REDIS_CLUSTER_NODES: "redis-2" is not host:port/,
    );
    expect(() => configWith({ REDIS_CLUSTER_NODES: 'redis-1:99999' })).toThrow(/REDIS_CLUSTER_NODES: "redis-1:99999"/);
  });

  it('keeps the WAIT timeout under the relay command timeout', () => {
    expect(() => configWith({ REDIS_URL: 'redis://bus:6379', REDIS_WAIT_TIMEOUT_MS: '20000' })).toThrow(
      /REDIS_WAIT_TIMEOUT_MS/,
    );
  });
});
