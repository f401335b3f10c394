import { defineDataProduct } from '@mesh/contract-kit';

import { orderCancelled } from '../events/order-cancelled.event';
import { ORDER_STREAM } from '../events/order-events';
import { orderPlaced } from '../events/order-placed.event';
import { orderShipped } from '../events/order-shipped.event';
import { ordersQuality } from './orders-quality';

/** The orders data product: its ports, promises and classified fields. */
export const ordersProduct = defineDataProduct({
  name: 'orders',
  domain: 'orders',
  title: 'Orders',
  description: 'Every order placed in the shop, with its lines, and its life: placed, cancelled, shipped.',
  version: '1.0.0',
  owner: { team: 'order-management', contact: 'orders-team@example.com' },
  outputPorts: {
    api: { description: 'Place, cancel, ship, get and list orders.', openApiPath: '/docs-json' },
    streams: [
      {
        stream: ORDER_STREAM,
        description: 'Order lifecycle facts, in order per order id.',
        events: [orderPlaced, orderCancelled, orderShipped],
      },
    ],
  },
  inputPorts: [
    {
      stream: 'customers.customer.v1',
      from: 'customers',
      group: 'orders',
      eventTypes: ['customers.customer.registered', 'customers.customer.updated', 'customers.customer.deactivated'],
      description: 'Keeps a local replica of customers to refuse orders for unknown or deactivated ones.',
    },
  ],
  serviceLevels: { freshnessSeconds: 3600, maxConsumerLag: 1000, maxOutboxAgeSeconds: 30, availability: '99.5%' },
  classifiedFields: [],
  quality: ordersQuality,
});
