import { defineEvent, type EventData } from '@mesh/contract-kit';
import { z } from 'zod';

import { countryCode, customerName, customerRevision } from './customer-values';

export const customerUpdated = defineEvent({
  type: 'customers.customer.updated',
  version: 1,
  source: '/customers',
  description: 'A customer changed their details; the event carries the state after the change.',
  schema: z.object({
    customerId: z.uuid(),
    revision: customerRevision,
    name: customerName,
    country: countryCode,
    marketingConsent: z.boolean(),
    updatedAt: z.iso.datetime(),
  }),
  example: {
    customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
    revision: 2,
    name: 'Ada King',
    country: 'GB',
    marketingConsent: false,
    updatedAt: '2026-11-28T09:10:00.000Z',
  },
});

export type CustomerUpdated = EventData<typeof customerUpdated>;
