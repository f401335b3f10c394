/** What one order's events have told this domain so far. */
export interface OrderFact {
  /** The placement was seen. */
  placed: boolean;
  /** The order was cancelled or shipped: the orders domain changes it no more. */
  ended?: 'cancelled' | 'shipped';
  /** When the fact last changed: an ended fact is dropped once no delivery of its order can still come. */
  changedAt: Date;
}

export type OrderEventKind = 'placed' | 'cancelled' | 'shipped';

/**
 * The fact after one more event, whatever came before: each event sets what it says and nothing
 * else, so that any order of arrival and any number of copies end in the same fact. (Orders never
 * both ships and cancels an order; should both arrive, the cancellation wins, again whatever the order.)
 */
export function withEvent(fact: OrderFact | undefined, kind: OrderEventKind, now: Date): OrderFact {
  const placed = kind === 'placed' || (fact?.placed ?? false);
  const ended = kind === 'cancelled' ? 'cancelled' : (fact?.ended ?? (kind === 'shipped' ? 'shipped' : undefined));
  return ended ? { placed, ended, changedAt: now } : { placed, changedAt: now };
}

/** Whether the order counts in the customer's statistics: placed, and not cancelled. */
export function counts(fact: OrderFact | undefined): boolean {
  return fact !== undefined && fact.placed && fact.ended !== 'cancelled';
}

/** Whether two facts say the same (when they were written aside). */
export function sameFact(a: OrderFact | undefined, b: OrderFact): boolean {
  return a !== undefined && a.placed === b.placed && a.ended === b.ended;
}

/** The ended facts last changed before `keptSince`: no delivery that could change the statistics can come for them. */
export function expiredOrderIds(facts: Readonly<Record<string, OrderFact>>, keptSince: Date): string[] {
  return Object.entries(facts)
    .filter(([, fact]) => fact.ended !== undefined && new Date(fact.changedAt) < keptSince)
    .map(([orderId]) => orderId);
}
