import type { EventEnvelope } from '@mesh/contract-kit';
import { createEvent } from '@mesh/contract-kit';
import { customerRegistered, customerTierChanged, customerUpdated, type LoyaltyTier } from '@mesh/customers-contracts';
import { orderCancelled, type OrderPlaced,orderPlaced, orderShipped } from '@mesh/orders-contracts';

import { SeededRandom } from './seeded-random';

export interface HistoryOptions {
  seed: number;
  customers: number;
  orders: number;
  /** First UTC day orders are placed on, and how many days they span. */
  firstDay: string;
  days: number;
}

export interface GeneratedCustomer {
  id: string;
  name: string;
  email: string;
}

export interface GeneratedHistory {
  customers: GeneratedCustomer[];
  /** In publication order; each event once. */
  events: EventEnvelope[];
}

const COUNTRIES = ['DE', 'FR', 'GB', 'US', 'ES', 'IT'];
const CURRENCIES = ['EUR', 'USD', 'GBP'];
const SKUS = Array.from({ length: 40 }, (_, index) => `SKU-${String(index + 1).padStart(2, '0')}`);
const TIERS: LoyaltyTier[] = ['bronze', 'silver', 'gold'];
const HOUR_MS = 3_600_000;

type Timed = { at: number; event: EventEnvelope };

/**
 * A seeded history of customers and orders: registrations, updates and tier changes (a few
 * published out of revision order), placed orders over several days, about a fifth cancelled
 * (some on a later day than placed), some shipped.
 */
export function generateHistory(options: HistoryOptions): GeneratedHistory {
  const random = new SeededRandom(options.seed);
  const start = Date.parse(`${options.firstDay}T00:00:00Z`);
  const span = options.days * 24 * HOUR_MS;
  const customers = Array.from({ length: options.customers }, (_, index) => ({
    id: random.uuid(),
    name: `Customer ${index}`,
    email: `customer${index}.${options.seed}@example.com`,
  }));
  const timeline: Timed[] = customers.flatMap((customer) => customerEvents(random, customer, start, span));
  for (let index = 0; index < options.orders; index += 1) {
    timeline.push(...orderEvents(random, random.pick(customers).id, start + random.int(0, span - 1)));
  }
  timeline.sort((a, b) => a.at - b.at);
  return { customers, events: timeline.map(({ event }) => event) };
}

function customerEvents(random: SeededRandom, customer: GeneratedCustomer, start: number, span: number): Timed[] {
  const registeredAt = start - random.int(1, 48) * HOUR_MS;
  const timed: Timed[] = [
    at(registeredAt, createEvent(customerRegistered, {
      subject: customer.id,
      time: new Date(registeredAt),
      data: {
        customerId: customer.id, revision: 1, name: customer.name, email: customer.email,
        country: random.pick(COUNTRIES), marketingConsent: random.chance(0.5), registeredAt: new Date(registeredAt).toISOString(),
      },
    })),
  ];
  let tier: LoyaltyTier = 'bronze';
  const changes = random.int(0, 3);
  for (let revision = 2; revision < 2 + changes; revision += 1) {
    const changedAt = start + random.int(0, span - 1);
    const time = new Date(changedAt);
    if (random.chance(0.6)) {
      const data = { customerId: customer.id, revision, name: customer.name, country: random.pick(COUNTRIES), marketingConsent: true, updatedAt: time.toISOString() };
      timed.push(at(changedAt, createEvent(customerUpdated, { subject: customer.id, time, data })));
    } else {
      const previousTier: LoyaltyTier = tier;
      tier = random.pick(TIERS.filter((candidate) => candidate !== previousTier));
      const data = { customerId: customer.id, revision, previousTier, tier, changedAt: time.toISOString() };
      timed.push(at(changedAt, createEvent(customerTierChanged, { subject: customer.id, time, data })));
    }
  }
  // Revision order is not publication order for some: the older revision must not win.
  const changeTimes = timed.slice(1).map((entry) => entry.at).sort((a, b) => a - b);
  if (changeTimes.length >= 2 && random.chance(0.3)) changeTimes.reverse();
  timed.slice(1).forEach((entry, index) => (entry.at = changeTimes[index]));
  return timed;
}

function orderEvents(random: SeededRandom, customerId: string, placedAt: number): Timed[] {
  const lines = Array.from({ length: random.int(1, 4) }, () => ({
    sku: random.pick(SKUS),
    quantity: random.int(1, 5),
    unitPrice: random.int(100, 9_999),
  }));
  const data: OrderPlaced = {
    orderId: random.uuid(), customerId, currency: random.pick(CURRENCIES), lines,
    total: lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
    placedAt: new Date(placedAt).toISOString(),
  };
  const timed = [at(placedAt, createEvent(orderPlaced, { subject: data.orderId, time: new Date(placedAt), data }))];
  const laterAt = placedAt + random.int(1, 40) * HOUR_MS;
  const later = { orderId: data.orderId, customerId, placedAt: data.placedAt };
  if (random.chance(0.2)) {
    const cancelled = { ...later, currency: data.currency, total: data.total, cancelledAt: new Date(laterAt).toISOString() };
    timed.push(at(laterAt, createEvent(orderCancelled, { subject: data.orderId, time: new Date(laterAt), data: cancelled })));
  } else if (random.chance(0.3)) {
    const shipped = { ...later, shippedAt: new Date(laterAt).toISOString() };
    timed.push(at(laterAt, createEvent(orderShipped, { subject: data.orderId, time: new Date(laterAt), data: shipped })));
  }
  return timed;
}

function at(time: number, event: EventEnvelope): Timed {
  return { at: time, event };
}
