import { eventRules, type QualityRuleDefinition, resourceRules } from '@mesh/contract-kit';

import type { DailySales } from '../api/sales.response';
import { salesDayClosed } from '../events/sales-day-closed.event';

/**
 * What the analytics product promises of its figures beyond its schemas, checked by the service
 * on its newest closed days and daily sales (`@mesh/service`, the data-quality rules).
 */
export const analyticsQuality: QualityRuleDefinition[] = [
  ...eventRules(
    [salesDayClosed],
    [
      {
        id: 'closed-day-cancellations-within-sales',
        description:
          "A closed day's cancelled orders and revenue are at most its orders and revenue (a cancellation counts on the day its order was placed).",
        dimension: 'consistency',
        kind: 'each',
        holds: (event) => event.data.cancelledOrders <= event.data.orders && event.data.cancelledRevenue <= event.data.revenue,
      },
      {
        id: 'day-closed-once-per-currency',
        description: 'A day is closed once per currency.',
        dimension: 'uniqueness',
        kind: 'unique',
        key: (event) => `${event.data.day} ${event.data.currency}`,
      },
      {
        id: 'day-closed-after-it-ended',
        description: 'A day is closed only after it ended (UTC).',
        dimension: 'timeliness',
        kind: 'each',
        holds: (event) => Date.parse(event.data.closedAt) >= Date.parse(`${event.data.day}T00:00:00.000Z`) + 86_400_000,
      },
    ],
  ),
  ...resourceRules<DailySales>('daily-sales', [
    {
      id: 'net-revenue-is-revenue-minus-cancelled',
      description: "A day's net revenue equals its revenue minus its cancelled revenue.",
      dimension: 'accuracy',
      kind: 'each',
      holds: (day) => day.netRevenue === day.revenue - day.cancelledRevenue,
    },
  ]),
];
