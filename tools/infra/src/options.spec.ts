import { join } from 'node:path';

import { resolveSettings, WORKSPACE_ROOT } from './options';

describe('resolveSettings', () => {
  it('defaults to the standard ports and the workspace .mesh', () => {
    const settings = resolveSettings({ env: {} });

    expect(settings.ports).toEqual({ postgres: 5432, redis: 6379, mongo: 27017 });
    expect(settings.meshDir).toBe(join(WORKSPACE_ROOT, '.mesh'));
    expect(settings.stores).toEqual(['postgres', 'redis', 'mongo']);
  });

  it('takes ports from MESH_*_PORT, and explicit options over those', () => {
    const env = { MESH_POSTGRES_PORT: '55432', MESH_REDIS_PORT: '56379', MESH_MONGO_PORT: '57017' };

    expect(resolveSettings({ env }).ports).toEqual({ postgres: 55432, redis: 56379, mongo: 57017 });
    expect(resolveSettings({ env, ports: { redis: 7000 } }).ports.redis).toBe(7000);
  });

  it('rejects a port variable that is not a port', () => {
    expect(() => resolveSettings({ env: { MESH_REDIS_PORT: 'six' } })).toThrow('MESH_REDIS_PORT=six is not a TCP port');
  });

  it('keeps the store order of up whatever order they were asked in', () => {
    expect(resolveSettings({ env: {}, stores: ['mongo', 'postgres'] }).stores).toEqual(['postgres', 'mongo']);
  });
});
