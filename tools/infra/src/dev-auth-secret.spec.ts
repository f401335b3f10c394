import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { makeTempRoot } from '../test/infra-test-kit';
import { devAuthSecret } from './dev-auth-secret';
import { InfraError } from './errors';

describe('devAuthSecret', () => {
  const root = makeTempRoot('auth-secret');
  const file = join(root.dir, 'auth-jwt-secret');

  afterAll(() => root.remove());

  it('makes a random secret once, readable by its owner only, and returns it from then on', () => {
    const secret = devAuthSecret(root.dir);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(devAuthSecret(root.dir)).toBe(secret);
    expect(readFileSync(file, 'utf8')).toBe(`${secret}\n`);
  });

  it('narrows a secret file that was readable by others to its owner', () => {
    const secret = devAuthSecret(root.dir);
    chmodSync(file, 0o644);
    expect(devAuthSecret(root.dir)).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that does not hold a usable secret, saying how to get a new one', () => {
    writeFileSync(file, 'short\n');
    expect(() => devAuthSecret(root.dir)).toThrow(InfraError);
    expect(() => devAuthSecret(root.dir)).toThrow(
      expect.objectContaining({ fix: expect.stringContaining(`rm ${file}`) }),
    );
  });
});
