import { defineConfig, envNumber } from '@mesh/service';

/**
 * How long the fact of an ended (cancelled or shipped) order stays in its customer's document.
 * It must outlast every delivery of that order's events that can still come: the orders stream's
 * replay cap plus the time an event may wait in its dead-letter stream before a redrive. Once
 * it is gone, a copy of the placement would count the order again.
 */
export const orderFacts = defineConfig(
  'orderFacts',
  { ORDER_FACTS_KEPT_DAYS: envNumber({ above: 0 }).default(30) },
  (env) => ({
    keptForMs: env.ORDER_FACTS_KEPT_DAYS * 24 * 60 * 60 * 1000,
  }),
);

export type OrderFacts = ReturnType<typeof orderFacts>;
