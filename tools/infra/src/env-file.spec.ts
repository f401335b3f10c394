import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { makeTempRoot } from '../test/infra-test-kit';
import { readEnvFile, removeEnvKeys, writeEnvFile } from './env-file';

describe('env file', () => {
  const root = makeTempRoot('env-file');
  const file = join(root.dir, '.mesh', 'env');

  afterAll(() => root.remove());

  it('writes sorted KEY=VALUE lines that read back unchanged', () => {
    writeEnvFile(file, { REDIS_URL: 'redis://127.0.0.1:6379', POSTGRES_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });

    expect(readFileSync(file, 'utf8').split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      'POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres',
      'REDIS_URL=redis://127.0.0.1:6379',
      '',
    ]);
    expect(readEnvFile(file)).toEqual({
      POSTGRES_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
  });

  it('removes keys, and the file once it is empty', () => {
    writeEnvFile(file, { A: '1', B: '2' });

    removeEnvKeys(file, ['A']);
    expect(readEnvFile(file)).toEqual({ B: '2' });

    removeEnvKeys(file, ['B']);
    expect(existsSync(file)).toBe(false);
  });

  it('is readable by its owner only (it holds the token key and store URLs), also where it was wider before', () => {
    writeFileSync(file, 'OLD=1\n');
    chmodSync(file, 0o644);
    const umask = process.umask(0o000);
    try {
      writeEnvFile(file, { AUTH_JWT_SECRET: 'x'.repeat(48) });
    } finally {
      process.umask(umask);
    }

    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(readEnvFile(file)).toEqual({ AUTH_JWT_SECRET: 'x'.repeat(48) });
  });

  it('refuses a value with a line break, which would inject another variable', () => {
    expect(() => writeEnvFile(file, { A: 'x\nB=y' })).toThrow('A holds a line break');
  });
});
