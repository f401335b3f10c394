import { createEvent, defineEvent, EventContract, EventEnvelope } from '@mesh/contract-kit';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** An order-placed event shaped like the orders domain's: eleven fields, three order lines. */
const orderPlacedSchema = z.object({
  orderId: z.uuid(),
  customerId: z.uuid(),
  customerEmail: z.email().meta({ classification: 'pii' }),
  status: z.enum(['placed']),
  currency: z.enum(['EUR', 'USD', 'GBP']),
  lines: z
    .array(z.object({ sku: z.string().min(1).max(64), quantity: z.int().min(1), unitPrice: z.int().nonnegative() }))
    .min(1)
    .max(100),
  totalAmount: z.int().nonnegative(),
  shippingCountry: z.string().length(2),
  channel: z.enum(['web', 'app', 'store']),
  placedAt: z.iso.datetime(),
  note: z.string().max(200).optional(),
});

export type OrderPlaced = z.output<typeof orderPlacedSchema>;

function orderPlacedData(index: number): OrderPlaced {
  const lines = [
    { sku: `BOOK-${index % 997}`, quantity: 1 + (index % 3), unitPrice: 1_250 },
    { sku: `PEN-${index % 89}`, quantity: 2, unitPrice: 199 },
    { sku: `MUG-${index % 13}`, quantity: 1, unitPrice: 899 },
  ];
  return {
    orderId: randomUUID(),
    customerId: randomUUID(),
    customerEmail: `customer${index % 10_000}@example.com`,
    status: 'placed',
    currency: 'EUR',
    lines,
    totalAmount: lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
    shippingCountry: 'DE',
    channel: 'web',
    placedAt: new Date().toISOString(),
    note: 'leave at the door',
  };
}

/** The contract, on a stream of the caller's choice so that every run and phase has its own. */
export function orderPlacedContract(stream: string): EventContract<OrderPlaced> {
  return defineEvent({
    type: 'bench.order.placed',
    version: 1,
    source: '/bench',
    stream,
    description: 'An order was placed (benchmark payload).',
    schema: orderPlacedSchema,
    example: orderPlacedData(0),
  });
}

/** `count` valid envelopes, each with its own UUIDv7 id and order. */
export function orderPlacedEvents(count: number): EventEnvelope<OrderPlaced>[] {
  const contract = orderPlacedContract('bench.order.v1');
  return Array.from({ length: count }, (_, index) => {
    const data = orderPlacedData(index);
    return createEvent(contract, { subject: data.orderId, data });
  });
}
