import { envelopeRules, eventRules, type QualityRuleDefinition, resourceRules } from '@mesh/contract-kit';

import type { OrderResponse } from '../api/order.response';
import { orderCancelled } from '../events/order-cancelled.event';
import { orderPlaced } from '../events/order-placed.event';
import { orderShipped } from '../events/order-shipped.event';

const sumOfLines = (lines: ReadonlyArray<{ quantity: number; unitPrice: number }>) =>
  lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);

/**
 * What the orders product promises of its data beyond its schemas, checked by the service on its
 * newest events and orders (`@mesh/service`, the data-quality rules).
 */
export const ordersQuality: QualityRuleDefinition[] = [
  ...eventRules(
    [orderPlaced],
    [
      {
        id: 'placed-total-is-sum-of-lines',
        description: "A placed order's total equals the sum of its lines (quantity × unit price).",
        dimension: 'accuracy',
        kind: 'each',
        holds: (event) => event.data.total === sumOfLines(event.data.lines),
      },
      {
        id: 'placed-once-per-order',
        description: 'An order is placed once: no two placed events have the same order.',
        dimension: 'uniqueness',
        kind: 'unique',
        key: (event) => event.data.orderId,
      },
    ],
  ),
  ...eventRules(
    [orderCancelled],
    [
      {
        id: 'cancelled-after-placed',
        description: 'An order is cancelled no earlier than it was placed.',
        dimension: 'consistency',
        kind: 'each',
        holds: (event) => Date.parse(event.data.cancelledAt) >= Date.parse(event.data.placedAt),
      },
    ],
  ),
  ...eventRules([orderPlaced, orderCancelled, orderShipped], envelopeRules('order')),
  ...resourceRules<OrderResponse>('order', [
    {
      id: 'order-total-is-sum-of-lines',
      description: "An order's total equals the sum of its line totals, each quantity × unit price.",
      dimension: 'accuracy',
      kind: 'each',
      holds: (order) =>
        order.items.every((item) => item.lineTotal === item.quantity * item.unitPrice) &&
        order.total === order.items.reduce((sum, item) => sum + item.lineTotal, 0),
    },
    {
      id: 'order-status-matches-its-times',
      description: 'A cancelled order has a cancellation time and a shipped one a shipping time, and no other has.',
      dimension: 'consistency',
      kind: 'each',
      holds: (order) => (order.status === 'cancelled') === (order.cancelledAt !== null) && (order.status === 'shipped') === (order.shippedAt !== null),
    },
  ]),
];
