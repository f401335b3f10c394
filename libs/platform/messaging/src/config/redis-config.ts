import { defineConfig, envUrl } from '@mesh/service';
import { z } from 'zod';

/**
 * The event bus connection of a domain service: `@Inject(redisConfig.KEY)`. Compose it into
 * `ServiceModule.forRoot({ config: [redisConfig] })` so that a missing or malformed REDIS_URL
 * stops the service at start-up with a message naming it. REDIS_URL_FILE works too (a secret).
 */
export const redisConfig = defineConfig(
  'redis',
  {
    REDIS_URL: envUrl(['redis', 'rediss']),
    /** One consumer per replica; defaults to `<host name>-<pid>`. */
    CONSUMER_NAME: z.string().min(1).optional(),
  },
  (env) => ({ url: env.REDIS_URL, consumerName: env.CONSUMER_NAME }),
);

export type RedisConfig = ReturnType<typeof redisConfig>;
