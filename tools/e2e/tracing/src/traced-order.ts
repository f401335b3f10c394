import type { CustomerResponse } from '@mesh/customers-contracts';
import type { OrderResponse } from '@mesh/orders-contracts';
import { randomBytes } from 'node:crypto';

import type { DomainApis } from '../../kit/src/api/domain-apis';
import { describeOutcome } from '../../kit/src/api/mesh-api';
import { eventually } from '../../kit/src/eventually';
import { newCustomer } from '../../kit/src/traffic/customer-registration';

/** The order placed, and the trace its request belongs to. */
export interface TracedOrder {
  readonly orderId: string;
  readonly traceId: string;
  /** The span id the client sent in `traceparent`: the parent of the orders service's server span. */
  readonly clientSpanId: string;
}

/**
 * Registers a customer, then places an order for it once the orders domain knows the customer
 * (its replica follows the customers' events), each attempt as the client span of a trace of its
 * own (a W3C `traceparent` header, sampled): the attempt that is accepted names the trace.
 */
export async function placeTracedOrder(apis: DomainApis, timeoutMs: number): Promise<TracedOrder> {
  const customer = await apis.customers.expectOk<CustomerResponse>({
    method: 'POST',
    path: '/customers',
    body: newCustomer('tracing'),
  });
  const waited = await eventually(
    async () => {
      const traceId = randomBytes(16).toString('hex');
      const clientSpanId = randomBytes(8).toString('hex');
      const outcome = await apis.orders.call<OrderResponse>({
        method: 'POST',
        path: '/orders',
        body: { customerId: customer.id, currency: 'EUR', items: [{ sku: 'TRACE-1', quantity: 2, unitPrice: 1_250 }] },
        headers: { traceparent: `00-${traceId}-${clientSpanId}-01` },
      });
      return { outcome, traceId, clientSpanId };
    },
    ({ outcome }) => outcome.kind === 'answer' && outcome.status === 201,
    timeoutMs,
    250,
  );
  const { outcome, traceId, clientSpanId } = waited.result;
  if (!waited.settled || outcome.kind !== 'answer') {
    throw new Error(`POST /orders for the new customer was not accepted within ${timeoutMs} ms: ${describeOutcome(outcome)}`);
  }
  return { orderId: (outcome.body as OrderResponse).id, traceId, clientSpanId };
}
