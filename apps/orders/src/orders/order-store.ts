import type { EventEnvelope } from '@mesh/contract-kit';
import type { OrderResponse, OrderStatus } from '@mesh/orders-contracts';

import type { CustomerReplica } from '../customer-replica/customer-replica';
import type { IdempotencyKey } from '../idempotency/idempotency-key';
import type { Order } from './order';
import type { OrderTransition } from './order-transition';

/**
 * Decides, inside the placing transaction, whether the customer may place the order; throws a
 * domain error to refuse, which rolls the transaction back. `customer` is null when the replica
 * does not know the customer.
 */
export type CustomerAdmission = (customerId: string, customer: CustomerReplica | null) => void;

/** The Idempotency-Key a placement claims, and the response it will replay to a retry. */
export interface KeyToClaim {
  key: string;
  requestHash: string;
  response: OrderResponse;
}

/** What `place` did: placed the order, or found its key claimed by a request that committed first. */
export type Placement = { placed: true } | { placed: false; keyHolder: IdempotencyKey | null };

/** What `transition` found: the order after the attempt, and whether its status allowed the change. */
export interface TransitionAttempt {
  order: Order;
  transitioned: boolean;
}

export interface OrderFilter {
  customerId?: string;
  status?: OrderStatus;
}

/** Where an order stands in the newest-first list: a page asked for `after` it starts right behind it. */
export interface OrderPosition {
  id: string;
  placedAt: Date;
}

/** Which orders of the newest-first list: at most `limit`, `offset` skipped, or those behind `after`. */
export interface OrderSlice {
  after?: OrderPosition;
  offset: number;
  limit: number;
}

/**
 * Where orders are kept, with the events they publish (the outbox). An abstract class so that it
 * doubles as the DI token; OrderStoreModule binds it to the TypeORM implementation.
 */
export abstract class OrderStore {
  /**
   * In one transaction: claims `key` when given (a concurrent claim of the same key waits until
   * the first transaction ends; if that one committed, nothing is placed and its key is
   * returned), reads the customer's replica under a share lock (a deactivation arriving
   * meanwhile waits for this order, which counts as placed before it) and lets `admit` refuse,
   * then stores the order, its lines, its `orders.order.placed` event and the key's response.
   */
  abstract place(order: Order, admit: CustomerAdmission, key?: KeyToClaim): Promise<Placement>;

  /** The order with its lines, or null. */
  abstract findById(orderId: string): Promise<Order | null>;

  /**
   * The orders matching the filter, newest first (ids break ties), with their lines: the slice's
   * `limit` at most, behind its `after` or with its `offset` skipped.
   */
  abstract findNewestFirst(filter: OrderFilter, slice: OrderSlice): Promise<Order[]>;

  /** How many orders match the filter. */
  abstract count(filter: OrderFilter): Promise<number>;

  /** Where the order stands in the newest-first list, or null when no order has this id. */
  abstract positionOf(orderId: string): Promise<OrderPosition | null>;

  /**
   * In one transaction: applies the transition when the order's status allows it (a conditional
   * update: of two concurrent transitions only one changes the order), and then adds the event
   * `eventOf` makes of the changed order to the outbox. Null when no order has this id.
   */
  abstract transition(
    orderId: string,
    transition: OrderTransition,
    eventOf: (order: Order) => EventEnvelope,
  ): Promise<TransitionAttempt | null>;
}
