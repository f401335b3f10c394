import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadLocalInfraEnv } from './local-infra-env';

describe('loadLocalInfraEnv', () => {
  const variable = `MESH_TEST_URL_${process.pid}`;
  const other = `MESH_TEST_OTHER_${process.pid}`;
  let workspace: string;

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'mesh-env-'));
    mkdirSync(join(workspace, '.mesh'));
    writeFileSync(join(workspace, '.mesh', 'env'), `${variable}=redis://from-file:6379\n${other}=from-file\n`);
    process.env[variable] = 'redis://from-environment:6379';
    delete process.env[other];
  });

  afterEach(() => {
    delete process.env[variable];
    delete process.env[other];
  });

  it('fills in what the environment lacks from .mesh/env, and the environment wins', () => {
    expect(loadLocalInfraEnv(process.env, workspace)).toBe(join(workspace, '.mesh', 'env'));
    expect(process.env[other]).toBe('from-file');
    expect(process.env[variable]).toBe('redis://from-environment:6379');
  });

  it('reads nothing in production or when there is no file', () => {
    expect(loadLocalInfraEnv({ ...process.env, NODE_ENV: 'production' }, workspace)).toBeUndefined();
    expect(loadLocalInfraEnv(process.env, tmpdir())).toBeUndefined();
    expect(process.env[other]).toBeUndefined();
  });
});
