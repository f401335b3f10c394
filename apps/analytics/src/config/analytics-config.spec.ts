import { ConfigValidationError } from '@mesh/service';

import { analyticsDatabase } from './analytics-database.config';
import { DEVELOPMENT_PSEUDONYM_KEY, pseudonymConfig } from './pseudonym.config';
import { parseRollupSchedule, rollupScheduleConfig } from './rollup-schedule.config';

describe('pseudonym key', () => {
  it('has a development default outside production only', () => {
    expect(pseudonymConfig.fromVariables({})).toEqual({ key: DEVELOPMENT_PSEUDONYM_KEY });
    expect(() => pseudonymConfig.fromVariables({ NODE_ENV: 'production' })).toThrow(ConfigValidationError);
    expect(pseudonymConfig.fromVariables({ NODE_ENV: 'production', ANALYTICS_PSEUDONYM_KEY: 'k'.repeat(32) })).toEqual({ key: 'k'.repeat(32) });
  });

  it('refuses a key shorter than 16 characters', () => {
    expect(pseudonymConfig.variables.safeParse({ ANALYTICS_PSEUDONYM_KEY: 'short' }).success).toBe(false);
  });
});

describe('rollup schedule', () => {
  it('is hourly by default and takes a cron pattern (UTC) or an interval in milliseconds', () => {
    const parse = (value?: string) => rollupScheduleConfig.fromVariables(rollupScheduleConfig.variables.parse({ ANALYTICS_ROLLUP_SCHEDULE: value }));
    expect(parse()).toEqual({ schedule: { pattern: '0 * * * *', tz: 'UTC' } });
    expect(parseRollupSchedule('*/15 * * * *')).toEqual({ pattern: '*/15 * * * *', tz: 'UTC' });
    expect(parseRollupSchedule('60000')).toEqual({ every: 60_000 });
  });

  it.each(['every hour', '500', '* * *'])('refuses %s', (value) => {
    expect(rollupScheduleConfig.variables.safeParse({ ANALYTICS_ROLLUP_SCHEDULE: value }).success).toBe(false);
  });
});

describe('database', () => {
  it('caps the live handlers so that, reading two streams, they leave connections to the API', () => {
    const parse = (env: Record<string, string>) =>
      analyticsDatabase.fromVariables(analyticsDatabase.variables.parse({ ANALYTICS_DATABASE_URL: 'postgres://h/analytics', ...env })) as { poolSize: number; consumerConcurrency: number };
    expect(parse({})).toMatchObject({ poolSize: 20, consumerConcurrency: 8 });
    expect(parse({ ANALYTICS_DATABASE_POOL_SIZE: '10', ANALYTICS_CONSUMER_CONCURRENCY: '8' })).toMatchObject({ consumerConcurrency: 3 });
  });
});
