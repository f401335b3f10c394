import { type ReadinessCheck, redisReadiness } from '@mesh/service';

import { redisConfig } from './redis-config';

/**
 * Redis in a domain's readiness, as optional: without Redis the service still works (its outbox
 * keeps the events, its consumers resume), so `/health/ready` stays 200 and lists redis under
 * `degraded`, and a broker outage neither empties the gateway nor gets every task restarted.
 */
export function eventBusReadiness(): ReadinessCheck {
  return redisReadiness({ url: ({ config }) => config(redisConfig).topology, required: false });
}
