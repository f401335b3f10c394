import type { ServiceAppOptions } from '@mesh/service';

import { inputEventsTransport } from './ingest/input-events.transport';

/** How the analytics service runs, shared by main.ts and the e2e tests so both get the same wiring. */
export const analyticsServiceOptions = {
  openApi: {
    title: 'Analytics',
    description:
      'Daily sales, customer value (pseudonymous) and top products, projected from orders.order.v1 and ' +
      'customers.customer.v1; publishes analytics.sales.v1.',
  },
  transports: (app) => [inputEventsTransport(app)],
} satisfies ServiceAppOptions;
