import { envelopeRules, eventRules, type QualityRuleDefinition, resourceRules } from '@mesh/contract-kit';

import type { CustomerResponse } from '../api/customer.response';
import { customerDeactivated } from '../events/customer-deactivated.event';
import { customerRegistered } from '../events/customer-registered.event';
import { customerTierChanged } from '../events/customer-tier-changed.event';
import { customerUpdated } from '../events/customer-updated.event';

/**
 * What the customers product promises of its data beyond its schemas, checked by the service on
 * its newest events and customers (`@mesh/service`, the data-quality rules).
 */
export const customersQuality: QualityRuleDefinition[] = [
  ...eventRules(
    [customerRegistered],
    [
      {
        id: 'registered-at-revision-1',
        description: 'A registration is the first revision of its customer.',
        dimension: 'consistency',
        kind: 'each',
        holds: (event) => event.data.revision === 1,
      },
    ],
  ),
  ...eventRules(
    [customerTierChanged],
    [
      {
        id: 'tier-change-changes-the-tier',
        description: 'A tier change names a tier other than the previous one.',
        dimension: 'consistency',
        kind: 'each',
        holds: (event) => event.data.tier !== event.data.previousTier,
      },
    ],
  ),
  ...eventRules(
    [customerRegistered, customerUpdated, customerDeactivated, customerTierChanged],
    envelopeRules('customer'),
  ),
  ...resourceRules<CustomerResponse>('customer', [
    {
      id: 'customer-statistics-not-negative',
      description: "A customer's order count and spend per currency are never below 0.",
      dimension: 'accuracy',
      kind: 'each',
      holds: (customer) => customer.orderCount >= 0 && Object.values(customer.totalSpent).every((spent) => spent >= 0),
    },
  ]),
];
