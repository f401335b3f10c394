import type { FactoryProvider } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One registry per app instance, injectable as `Registry`, instead of
 * prom-client's global one: several apps in one test process would otherwise
 * register the same metric names twice.
 */
export const metricsRegistryProvider: FactoryProvider<Registry> = {
  provide: Registry,
  useFactory: () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    return registry;
  },
};
