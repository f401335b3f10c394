import { defineConfig, envNumber } from '@mesh/service';

/** How long `POST /orders` remembers an Idempotency-Key: `@Inject(idempotencyConfig.KEY)`. */
export const idempotencyConfig = defineConfig(
  'idempotency',
  {
    /**
     * A retry within this many hours gets the first answer back; after them the key is deleted and
     * the same key places a new order. Clients retry within minutes: a day is the usual window.
     */
    ORDERS_IDEMPOTENCY_KEY_TTL_HOURS: envNumber({ above: 0, max: 24 * 90 }).default(24),
  },
  (env) => ({ keyTtlMs: env.ORDERS_IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000 }),
);
