import { z } from 'zod';

import { defineEvent } from '../schema/define-event';

/** A contract shaped like the domains' ones, for the kit's own tests. */
export const sampleOrderPlaced = defineEvent({
  type: 'sample.order.placed',
  version: 1,
  source: '/sample',
  description: 'A sample order was placed.',
  schema: z.object({
    orderId: z.uuid(),
    customerEmail: z.email().meta({ classification: 'pii' }),
    currency: z.enum(['EUR', 'USD']),
    lines: z
      .array(z.object({ sku: z.string().min(1), quantity: z.int().min(1), unitPrice: z.int().nonnegative() }))
      .min(1)
      .max(100),
    note: z.string().max(200).optional(),
  }),
  example: {
    orderId: '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a',
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    lines: [{ sku: 'BOOK-1', quantity: 2, unitPrice: 1250 }],
  },
});
