import { defineConfig } from '@mesh/service';
import { z } from 'zod';

/** How BullMQ repeats the rollup: a cron pattern (UTC) or a fixed interval in milliseconds. */
export type RollupSchedule = { pattern: string; tz: 'UTC' } | { every: number };

const CRON = /^[\d*,/?LW#A-Za-z-]+( [\d*,/?LW#A-Za-z-]+){4,5}$/;
const MILLISECONDS = /^\d+$/;

export function parseRollupSchedule(value: string): RollupSchedule {
  if (MILLISECONDS.test(value)) return { every: Number(value) };
  return { pattern: value, tz: 'UTC' };
}

/** `ANALYTICS_ROLLUP_SCHEDULE`: hourly at minute 0 by default. */
export const rollupScheduleConfig = defineConfig(
  'rollup',
  {
    ANALYTICS_ROLLUP_SCHEDULE: z
      .string()
      .trim()
      .refine(
        (value) => (MILLISECONDS.test(value) ? Number(value) >= 1_000 : CRON.test(value)),
        'must be a cron pattern with 5 or 6 fields (e.g. "0 * * * *") or an interval of at least 1000 ms',
      )
      .default('0 * * * *'),
  },
  (env) => ({ schedule: parseRollupSchedule(env.ANALYTICS_ROLLUP_SCHEDULE) }),
);
