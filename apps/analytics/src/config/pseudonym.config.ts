import { ConfigValidationError, defineConfig } from '@mesh/service';
import { z } from 'zod';

/** Only for development and tests: pseudonyms made with a published key can be reversed by anyone. */
export const DEVELOPMENT_PSEUDONYM_KEY = 'analytics-development-pseudonym-key-not-secret';

/**
 * The secret of the pseudonymous customer ids (HMAC-SHA256). It may come from
 * ANALYTICS_PSEUDONYM_KEY_FILE (a Swarm secret); in production it has no default.
 */
export const pseudonymConfig = defineConfig(
  'pseudonym',
  {
    ANALYTICS_PSEUDONYM_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    NODE_ENV: z.string().optional(),
  },
  (env) => {
    if (env.ANALYTICS_PSEUDONYM_KEY) return { key: env.ANALYTICS_PSEUDONYM_KEY };
    if (env.NODE_ENV === 'production') {
      throw new ConfigValidationError([
        { variable: 'ANALYTICS_PSEUDONYM_KEY', message: 'is required in production (or ANALYTICS_PSEUDONYM_KEY_FILE)' },
      ]);
    }
    return { key: DEVELOPMENT_PSEUDONYM_KEY };
  },
);
