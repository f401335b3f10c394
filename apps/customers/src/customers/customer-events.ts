import { createEvent, type EventEnvelope } from '@mesh/contract-kit';
import {
  customerDeactivated,
  customerRegistered,
  customerTierChanged,
  customerUpdated,
  type LoyaltyTier,
} from '@mesh/customers-contracts';

import type { Customer } from './customer';

/** What caused an event: the event it reacts to, so that traces and flows carry through. */
export interface EventCause {
  id: string;
  correlationid?: string;
  traceparent?: string;
}

// Events carry the state after the change; `time` is the change's own time.

export function customerRegisteredEvent(customer: Customer): EventEnvelope {
  const { id, revision, name, email, country, marketingConsent, registeredAt } = customer;
  return createEvent(customerRegistered, {
    subject: id,
    time: registeredAt,
    data: {
      customerId: id,
      revision,
      name,
      email,
      country,
      marketingConsent,
      registeredAt: registeredAt.toISOString(),
    },
  });
}

export function customerUpdatedEvent(customer: Customer): EventEnvelope {
  const { id, revision, name, country, marketingConsent, updatedAt } = customer;
  return createEvent(customerUpdated, {
    subject: id,
    time: updatedAt,
    data: { customerId: id, revision, name, country, marketingConsent, updatedAt: updatedAt.toISOString() },
  });
}

export function customerDeactivatedEvent(customerId: string, revision: number, deactivatedAt: Date): EventEnvelope {
  return createEvent(customerDeactivated, {
    subject: customerId,
    time: deactivatedAt,
    data: { customerId, revision, deactivatedAt: deactivatedAt.toISOString() },
  });
}

export interface TierChange {
  customerId: string;
  revision: number;
  previousTier: LoyaltyTier;
  tier: LoyaltyTier;
  changedAt: Date;
}

export function customerTierChangedEvent(change: TierChange, cause: EventCause): EventEnvelope {
  const { customerId, revision, previousTier, tier, changedAt } = change;
  return createEvent(customerTierChanged, {
    subject: customerId,
    time: changedAt,
    data: { customerId, revision, previousTier, tier, changedAt: changedAt.toISOString() },
    causationid: cause.id,
    correlationid: cause.correlationid ?? cause.id,
    traceparent: cause.traceparent,
  });
}
