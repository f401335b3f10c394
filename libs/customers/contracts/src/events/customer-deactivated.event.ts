import { defineEvent, type EventData } from '@mesh/contract-kit';
import { z } from 'zod';

import { customerRevision } from './customer-values';

export const customerDeactivated = defineEvent({
  type: 'customers.customer.deactivated',
  version: 1,
  source: '/customers',
  description: 'A customer was deactivated: no new orders, no further changes.',
  schema: z.object({
    customerId: z.uuid(),
    revision: customerRevision,
    deactivatedAt: z.iso.datetime(),
  }),
  example: {
    customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
    revision: 3,
    deactivatedAt: '2026-11-28T09:20:00.000Z',
  },
});

export type CustomerDeactivated = EventData<typeof customerDeactivated>;
