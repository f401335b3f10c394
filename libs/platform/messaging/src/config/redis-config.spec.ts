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
  'STREAM_TRIM_INTERVAL_SECONDS',
  'DEAD_LETTERS_KEPT_DAYS',
  'INBOX_KEPT_DAYS',
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
      retention: { intervalMs: 60_000, deadLettersKeptMs: 14 * 24 * 3_600_000, inboxKeptMs: 30 * 24 * 3_600_000 },
    });
  });

  it('reads the retention schedule, and names a variable that is not a positive integer', () => {
    const config = configWith({
      REDIS_URL: 'redis://bus:6379',
      STREAM_TRIM_INTERVAL_SECONDS: '5',
      DEAD_LETTERS_KEPT_DAYS: '1',
      INBOX_KEPT_DAYS: '2',
    });
    expect(config.retention).toEqual({
      intervalMs: 5_000,
      deadLettersKeptMs: 24 * 3_600_000,
      inboxKeptMs: 48 * 3_600_000,
    });
    expect(() => configWith({ REDIS_URL: 'redis://bus:6379', STREAM_TRIM_INTERVAL_SECONDS: '0' })).toThrow(
      /STREAM_TRIM_INTERVAL_SECONDS/,
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
