import type { ServiceAppOptions } from '@mesh/service';

import { customerEventsTransport } from './customer-replica/customer-events.transport';

/** How the orders service runs, shared by main.ts and the e2e tests so both get the same wiring. */
export const ordersServiceOptions = {
  openApi: {
    title: 'Orders',
    description: 'Places, cancels and ships orders; publishes orders.order.v1; keeps a replica of customers.',
  },
  transports: (app) => [customerEventsTransport(app)],
} satisfies ServiceAppOptions;
