import type { DailySales } from '@mesh/analytics-contracts';
import type { OrderPlaced } from '@mesh/orders-contracts';

/** Amounts to add to one day and currency (negative ones take back). */
export type DailySalesChange = Omit<DailySales, 'netRevenue'>;

/** Orders and revenue to add to one pseudonymous customer (negative ones take back). */
export interface CustomerOrdersChange {
  pseudonym: string;
  currency: string;
  orders: number;
  revenue: number;
}

/** Attributes copied from the customers stream, each with the revision that last set it. */
export type CustomerAttribute = 'country' | 'tier';

export interface CustomerAttributeChange {
  pseudonym: string;
  attribute: CustomerAttribute;
  value: string;
  revision: number;
}

export type OrderFact = 'placed' | 'cancelled';

/** The lines of a placed order, as the product sales need them. */
export type OrderLines = Pick<OrderPlaced, 'orderId' | 'currency' | 'lines'>;

/**
 * The projection tables as the projections write them: within one transaction, on one set of
 * tables (the live ones, or the copies a rebuild fills). The adapter binds both, so the live
 * handlers and the rebuild run the very same projection code. Customers appear only under their
 * pseudonym. Not a DI token: each transaction has its own.
 */
export abstract class ProjectionWrites {
  /**
   * Marks that an order was placed or cancelled. Returns undefined when it already was (the fact
   * must not count twice, even under another event id), else whether the other fact is known.
   */
  abstract markOrder(orderId: string, fact: OrderFact): Promise<{ otherFactKnown: boolean } | undefined>;

  /** Keeps the placed order's lines per sku, counting on `day`, so that a cancellation can take them back out. */
  abstract recordOrderLines(order: OrderLines, day: string): Promise<void>;

  /** Adds to the day's counters, so that placements and cancellations commute. */
  abstract addToDailySales(change: DailySalesChange): Promise<void>;

  abstract addCustomerOrders(change: CustomerOrdersChange): Promise<void>;

  /** Adds an order's recorded lines to the product sales (sign 1), or takes them back out (-1). */
  abstract applyOrderLinesToProductSales(orderId: string, sign: 1 | -1): Promise<void>;

  /**
   * Sets an attribute unless a newer revision of the customer already set it: events of one
   * customer may be applied out of order (a retried delivery), the newest revision wins.
   */
  abstract setCustomerAttribute(change: CustomerAttributeChange): Promise<void>;
}
