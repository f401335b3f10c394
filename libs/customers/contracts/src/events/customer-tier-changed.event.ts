import { defineEvent, type EventData } from '@mesh/contract-kit';
import { z } from 'zod';

import { customerRevision, loyaltyTier } from './customer-values';

export const customerTierChanged = defineEvent({
  type: 'customers.customer.tier-changed',
  version: 1,
  source: '/customers',
  description: "A customer's loyalty tier changed because of their orders.",
  schema: z.object({
    customerId: z.uuid(),
    revision: customerRevision,
    previousTier: loyaltyTier,
    tier: loyaltyTier,
    changedAt: z.iso.datetime(),
  }),
  example: {
    customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
    revision: 4,
    previousTier: 'bronze',
    tier: 'silver',
    changedAt: '2026-11-28T09:30:00.000Z',
  },
});

export type CustomerTierChanged = EventData<typeof customerTierChanged>;
