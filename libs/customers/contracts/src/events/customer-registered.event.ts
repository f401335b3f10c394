import { defineEvent, type EventData } from '@mesh/contract-kit';
import { z } from 'zod';

import { countryCode, customerEmail, customerName, customerRevision } from './customer-values';

export const customerRegistered = defineEvent({
  type: 'customers.customer.registered',
  version: 1,
  source: '/customers',
  description: 'A new customer registered. Name and email are personal data.',
  schema: z.object({
    customerId: z.uuid(),
    revision: customerRevision,
    name: customerName,
    email: customerEmail,
    country: countryCode,
    marketingConsent: z.boolean(),
    registeredAt: z.iso.datetime(),
  }),
  example: {
    customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
    revision: 1,
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    country: 'GB',
    marketingConsent: true,
    registeredAt: '2026-11-28T09:00:00.000Z',
  },
});

export type CustomerRegistered = EventData<typeof customerRegistered>;
