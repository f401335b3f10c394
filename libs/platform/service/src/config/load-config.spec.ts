import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

import { ConfigValidationError } from './config-validation.error';
import { defineConfig } from './define-config';
import { envInt, envUrl } from './env-schemas';
import { loadConfig } from './load-config';
import { serviceConfig } from './service-config';

const database = defineConfig(
  'database',
  { ORDERS_DATABASE_URL: envUrl(['postgres']), ORDERS_DATABASE_PASSWORD: z.string().min(1) },
  (env) => ({ url: env.ORDERS_DATABASE_URL, password: env.ORDERS_DATABASE_PASSWORD }),
);
const pool = defineConfig('pool', { POOL_SIZE: envInt({ min: 1 }).default(10) });

const validEnv = { ORDERS_DATABASE_URL: 'postgres://db/orders', ORDERS_DATABASE_PASSWORD: 's3cret' };

function problemsOf(env: Record<string, string | undefined>, definitions = [serviceConfig(3000), database, pool]) {
  try {
    loadConfig(definitions, env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

function secretFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mesh-secret-')), 'secret');
  writeFileSync(path, content);
  return path;
}

describe('loadConfig', () => {
  it('returns typed values per concern, with defaults', () => {
    const config = loadConfig([serviceConfig(3100), database, pool], validEnv);
    expect(config.get(database)).toEqual({ url: 'postgres://db/orders', password: 's3cret' });
    expect(config.get(pool)).toEqual({ POOL_SIZE: 10 });
    expect(config.get(serviceConfig(3100))).toEqual({
      port: 3100,
      host: '0.0.0.0',
      logLevel: 'info',
      logPretty: false,
      bodyLimitBytes: 1_048_576,
      shutdownTimeoutMs: 10_000,
      shutdownDelayMs: 0,
    });
  });

  it('names a missing variable', () => {
    expect(problemsOf({ ORDERS_DATABASE_URL: 'postgres://db/orders' })).toEqual([
      { variable: 'ORDERS_DATABASE_PASSWORD', message: 'is required but not set' },
    ]);
  });

  it('treats an empty value as not set', () => {
    expect(problemsOf({ ...validEnv, ORDERS_DATABASE_PASSWORD: '' })).toEqual([
      { variable: 'ORDERS_DATABASE_PASSWORD', message: 'is required but not set' },
    ]);
  });

  it('names a malformed variable and the problem', () => {
    expect(problemsOf({ ...validEnv, PORT: 'eighty' })).toEqual([{ variable: 'PORT', message: 'must be an integer' }]);
  });

  it('reports every problem of every concern at once', () => {
    expect(problemsOf({ PORT: '70000', LOG_LEVEL: 'loud', ORDERS_DATABASE_URL: 'mysql://db', POOL_SIZE: '0' })).toEqual(
      [
        { variable: 'PORT', message: 'Too big: expected number to be <=65535' },
        { variable: 'LOG_LEVEL', message: expect.stringContaining('Invalid option') },
        { variable: 'ORDERS_DATABASE_URL', message: 'must be a postgres:// URL' },
        { variable: 'ORDERS_DATABASE_PASSWORD', message: 'is required but not set' },
        { variable: 'POOL_SIZE', message: 'Too small: expected number to be >=1' },
      ],
    );
  });

  it('lists the problems in the error message and in a readable report', () => {
    const error = new ConfigValidationError([
      { variable: 'PORT', message: 'must be an integer' },
      { variable: 'ORDERS_DATABASE_PASSWORD', message: 'is required but not set' },
    ]);
    expect(error.message).toBe(
      'invalid configuration: PORT: must be an integer; ORDERS_DATABASE_PASSWORD: is required but not set',
    );
    expect(error.report()).toBe(
      'Invalid configuration (2 problems):\n  - PORT: must be an integer\n  - ORDERS_DATABASE_PASSWORD: is required but not set',
    );
  });

  describe('<NAME>_FILE secrets', () => {
    it('reads the value from the file, without the trailing newline', () => {
      const config = loadConfig([database], {
        ORDERS_DATABASE_URL: 'postgres://db/orders',
        ORDERS_DATABASE_PASSWORD_FILE: secretFile('from-file\n'),
      });
      expect(config.get(database).password).toBe('from-file');
    });

    it('keeps other whitespace inside the secret', () => {
      const config = loadConfig([database], {
        ORDERS_DATABASE_URL: 'postgres://db/orders',
        ORDERS_DATABASE_PASSWORD_FILE: secretFile(' two words \n\n'),
      });
      expect(config.get(database).password).toBe(' two words \n');
    });

    it('validates the file content like any value', () => {
      expect(
        problemsOf({ ORDERS_DATABASE_URL_FILE: secretFile('mysql://db\n'), ORDERS_DATABASE_PASSWORD: 'x' }, [database]),
      ).toEqual([{ variable: 'ORDERS_DATABASE_URL', message: 'must be a postgres:// URL' }]);
    });

    it('refuses NAME and NAME_FILE together, naming both', () => {
      expect(problemsOf({ ...validEnv, ORDERS_DATABASE_PASSWORD_FILE: secretFile('x') }, [database])).toEqual([
        {
          variable: 'ORDERS_DATABASE_PASSWORD',
          message: 'both ORDERS_DATABASE_PASSWORD and ORDERS_DATABASE_PASSWORD_FILE are set; set only one',
        },
      ]);
    });

    it('names the variable and the path of an unreadable file', () => {
      const path = join(tmpdir(), 'mesh-no-such-secret');
      expect(
        problemsOf({ ORDERS_DATABASE_URL: 'postgres://db/orders', ORDERS_DATABASE_PASSWORD_FILE: path }, [database]),
      ).toEqual([
        {
          variable: 'ORDERS_DATABASE_PASSWORD_FILE',
          message: expect.stringMatching(new RegExp(`^cannot read file "${path}": ENOENT`)),
        },
      ]);
    });

    it('ignores _FILE variables that no concern declares', () => {
      expect(() => loadConfig([database], { ...validEnv, LOG_FILE: '/nonexistent' })).not.toThrow();
    });
  });
});

describe('defineConfig', () => {
  it('is a registerAs factory usable on its own', () => {
    expect(database.KEY).toBe('CONFIGURATION(database)');
    const saved = process.env;
    process.env = { ...saved, ...validEnv };
    try {
      expect(database()).toEqual({ url: 'postgres://db/orders', password: 's3cret' });
    } finally {
      process.env = saved;
    }
  });

  it('throws ConfigValidationError when used on its own with a bad environment', () => {
    const saved = process.env;
    process.env = {};
    try {
      expect(() => database()).toThrow(ConfigValidationError);
    } finally {
      process.env = saved;
    }
  });
});
