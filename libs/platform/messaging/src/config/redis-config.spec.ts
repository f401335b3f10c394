import { ConfigValidationError } from '@mesh/service';
import { Redis } from 'ioredis';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { redisConfig } from './redis-config';

const variables = [
  'REDIS_URL',
  'REDIS_URL_FILE',
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
      url: 'redis://bus:6379',
      username: undefined,
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
});
