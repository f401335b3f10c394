import { resolveSettings } from '../options';
import { postgresDriver } from './postgres';

describe('postgresDriver', () => {
  describe('fromEnv', () => {
    it('derives the database URLs from POSTGRES_URL', () => {
      const settings = resolveSettings({ env: { POSTGRES_URL: 'postgres://app:pw@127.0.0.1:6000/postgres' } });

      expect(postgresDriver.fromEnv(settings)?.env).toEqual({
        POSTGRES_URL: 'postgres://app:pw@127.0.0.1:6000/postgres',
        ORDERS_DATABASE_URL: 'postgres://app:pw@127.0.0.1:6000/orders',
        ANALYTICS_DATABASE_URL: 'postgres://app:pw@127.0.0.1:6000/analytics',
      });
    });

    it('keeps a database URL set in the environment', () => {
      const settings = resolveSettings({
        env: { POSTGRES_URL: 'postgres://app@127.0.0.1:6000/postgres', ORDERS_DATABASE_URL: 'postgres://o@127.0.0.1:7000/o' },
      });

      expect(postgresDriver.fromEnv(settings)?.env['ORDERS_DATABASE_URL']).toBe('postgres://o@127.0.0.1:7000/o');
    });

    it('does not resolve from one database URL alone: the server for the other is still needed', () => {
      const settings = resolveSettings({ env: { ORDERS_DATABASE_URL: 'postgres://o@127.0.0.1:7000/o' } });

      expect(postgresDriver.fromEnv(settings)).toBeUndefined();
    });
  });

  it('connects to a local server as PGUSER with PGPASSWORD', () => {
    const settings = resolveSettings({ env: { PGUSER: 'dev', PGPASSWORD: 'p@ss' }, ports: { postgres: 5500 } });

    expect(postgresDriver.localUrl(settings)).toBe('postgres://dev:p%40ss@127.0.0.1:5500/postgres');
  });
});
