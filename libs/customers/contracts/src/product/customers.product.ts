import { defineDataProduct } from '@mesh/contract-kit';

import { customerDeactivated } from '../events/customer-deactivated.event';
import { CUSTOMER_STREAM } from '../events/customer-events';
import { customerRegistered } from '../events/customer-registered.event';
import { customerTierChanged } from '../events/customer-tier-changed.event';
import { customerUpdated } from '../events/customer-updated.event';
import { customersQuality } from './customers-quality';

/** The customers data product: its ports, promises and classified fields. */
export const customersProduct = defineDataProduct({
  name: 'customers',
  domain: 'customers',
  title: 'Customers',
  description: 'Registered customers, their consent and loyalty tier, and their order statistics.',
  version: '1.0.0',
  owner: { team: 'customer-care', contact: 'customers-team@example.com' },
  outputPorts: {
    api: { description: 'Register, update, deactivate, get and list customers.', openApiPath: '/docs-json' },
    streams: [
      {
        stream: CUSTOMER_STREAM,
        description: 'Customer lifecycle facts with a revision per customer; name and email are PII.',
        events: [customerRegistered, customerUpdated, customerDeactivated, customerTierChanged],
      },
    ],
  },
  inputPorts: [
    {
      stream: 'orders.order.v1',
      from: 'orders',
      group: 'customers',
      eventTypes: ['orders.order.placed', 'orders.order.cancelled', 'orders.order.shipped'],
      description: 'Counts orders and spend per customer to keep the loyalty tier; a shipment ends an order.',
    },
  ],
  serviceLevels: { freshnessSeconds: 3600, maxConsumerLag: 1000, maxOutboxAgeSeconds: 30, availability: '99.5%' },
  classifiedFields: [
    { path: 'customers.customer.registered#/name', classification: 'pii' },
    { path: 'customers.customer.registered#/email', classification: 'pii' },
    { path: 'customers.customer.updated#/name', classification: 'pii' },
    { path: 'api:/name', classification: 'pii' },
    { path: 'api:/email', classification: 'pii' },
  ],
  quality: customersQuality,
});
