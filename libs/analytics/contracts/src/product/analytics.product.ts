import { defineDataProduct } from '@mesh/contract-kit';

import { salesDayClosed } from '../events/sales-day-closed.event';
import { analyticsQuality } from './analytics-quality';

/** The analytics data product: its ports, promises and classified fields. */
export const analyticsProduct = defineDataProduct({
  name: 'analytics',
  domain: 'analytics',
  title: 'Sales analytics',
  description: 'Daily sales, pseudonymous customer value and top products, projected from orders and customers.',
  version: '1.0.0',
  owner: { team: 'insights', contact: 'insights-team@example.com' },
  outputPorts: {
    api: { description: 'Daily sales, customer value, top products; rebuild jobs.', openApiPath: '/docs-json' },
    streams: [
      {
        stream: salesDayClosed.stream,
        description: 'One fact per currency and closed UTC day, published by the hourly rollup.',
        events: [salesDayClosed],
      },
    ],
  },
  inputPorts: [
    {
      stream: 'orders.order.v1',
      from: 'orders',
      group: 'analytics',
      eventTypes: ['orders.order.placed', 'orders.order.cancelled', 'orders.order.shipped'],
      description: 'Projects daily sales, customer value and top products.',
    },
    {
      stream: 'customers.customer.v1',
      from: 'customers',
      group: 'analytics',
      eventTypes: [
        'customers.customer.registered',
        'customers.customer.updated',
        'customers.customer.deactivated',
        'customers.customer.tier-changed',
      ],
      description: 'Keeps the pseudonymous customer dimension (country, tier), never name or email.',
    },
  ],
  serviceLevels: { freshnessSeconds: 3600, maxConsumerLag: 5000, maxOutboxAgeSeconds: 120, availability: '99%' },
  classifiedFields: [{ path: 'api:/pseudonymousId', classification: 'pseudonymous' }],
  // BullMQ keeps its queues under this prefix on the event bus's Redis.
  redisKeyPrefixes: ['analytics:'],
  quality: analyticsQuality,
});
