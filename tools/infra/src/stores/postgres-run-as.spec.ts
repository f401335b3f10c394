import { execFileSync } from 'node:child_process';

import { postgresRunAs } from './postgres-run-as';

const asRoot = process.getuid?.() === 0;

describe('postgresRunAs', () => {
  (asRoot ? it : it.skip)('as root, runs PostgreSQL as the postgres system user', async () => {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));

    expect(await postgresRunAs()).toEqual({ uid, gid: expect.any(Number) });
  });

  (asRoot ? it : it.skip)('as root without that user, says how to create it', async () => {
    const lookup = postgresRunAs('no-such-user-for-infra-test');

    await expect(lookup).rejects.toThrow('PostgreSQL refuses to run as root and there is no no-such-user-for-infra-test');
    await expect(lookup).rejects.toMatchObject({ fix: expect.stringContaining('useradd --system --user-group postgres') });
  });

  (asRoot ? it.skip : it)('as another user, runs PostgreSQL as that user', async () => {
    expect(await postgresRunAs()).toBeUndefined();
  });
});
