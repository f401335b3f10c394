import { ConfigValidationError, defineConfig, envInt, envUrl } from '@mesh/service';
import { z } from 'zod';

import { busRetention, busRetentionVariables } from './bus-retention';
import { withRedisCredentials } from './redis-credentials';

/**
 * The event bus connection of a domain service: `@Inject(redisConfig.KEY)`. Compose it into
 * `ServiceModule.forRoot({ config: [redisConfig] })` so that a missing or malformed REDIS_URL
 * stops the service at start-up with a message naming it. REDIS_URL_FILE works too (a secret).
 *
 * A service connects as its domain's ACL user (`npm run mesh -- acl`): either in the URL
 * (`redis://orders:<password>@redis:6379`) or with REDIS_USERNAME and REDIS_PASSWORD (or
 * REDIS_PASSWORD_FILE, a Swarm secret), which replace the URL's. `url` then carries them, so
 * every client made from it (streams, readiness, BullMQ) authenticates; never log it.
 */
export const redisConfig = defineConfig(
  'redis',
  {
    REDIS_URL: envUrl(['redis', 'rediss']),
    REDIS_USERNAME: z.string().min(1).optional(),
    REDIS_PASSWORD: z.string().min(1).optional(),
    /** One consumer per replica; defaults to `<host name>-<pid>`. */
    CONSUMER_NAME: z.string().min(1).optional(),
    /** Another replica's consumer idle this long with nothing pending belonged to a crashed replica: removed. */
    IDLE_CONSUMER_REMOVED_AFTER_SECONDS: envInt({ min: 1 }).default(600),
    ...busRetentionVariables,
  },
  (env) => {
    if (env.REDIS_USERNAME && !env.REDIS_PASSWORD) {
      // ioredis would silently connect as the default user instead.
      throw new ConfigValidationError([
        { variable: 'REDIS_PASSWORD', message: 'required when REDIS_USERNAME is set (or set REDIS_PASSWORD_FILE)' },
      ]);
    }
    const url = withRedisCredentials(env.REDIS_URL, { username: env.REDIS_USERNAME, password: env.REDIS_PASSWORD });
    return {
      url,
      username: decodeURIComponent(new URL(url).username) || undefined,
      consumerName: env.CONSUMER_NAME,
      idleConsumerMs: env.IDLE_CONSUMER_REMOVED_AFTER_SECONDS * 1_000,
      retention: busRetention(env),
    };
  },
);

export type RedisConfig = ReturnType<typeof redisConfig>;
