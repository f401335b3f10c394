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

export interface OrderSlice {
  orders: Order[];
  /** Every order matching the filter, not only those of the slice. */
  total: number;
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

  /** The orders matching the filter, newest first (ids break ties), `offset` skipped, at most `limit`. */
  abstract findNewestFirst(filter: OrderFilter, offset: number, limit: number): Promise<OrderSlice>;

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
