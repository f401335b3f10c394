import type { ServiceAppOptions } from '@mesh/service';

import { orderEventsTransport } from './order-statistics/order-events.transport';

/** How the app runs, the same in main.ts and in the tests: OpenAPI, and the orders' events consumed beside HTTP. */
export const customersServiceOptions = {
  openApi: {
    title: 'Customers',
    description:
      'Customers of the mesh: registration, details, deactivation, and order statistics with a loyalty tier.',
  },
  transports: (app) => [orderEventsTransport(app)],
} satisfies ServiceAppOptions;
