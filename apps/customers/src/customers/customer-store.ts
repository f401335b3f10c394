import type { EventEnvelope } from '@mesh/contract-kit';

import type { Customer, CustomerChanges } from './customer';

/** One page of customers, oldest first (by id: UUIDv7). */
export interface CustomerQuery {
  /** Only the customers of this country; every customer when absent. */
  country?: string;
  /** Only the customers after this id; `skip` is not used with it. */
  after?: string;
  skip: number;
  limit: number;
}

/**
 * Where customers are kept. An abstract class so that it doubles as the DI token; the store module
 * binds it to the Mongoose implementation. Every write stores the events of its change with it,
 * in the same write (the outbox), so that a change is never published without being kept, nor
 * kept without being published.
 */
export abstract class CustomerStore {
  /**
   * Stores a new customer with its events, unless another customer has the same email (in any
   * letter case, see emailKeyOf): then nothing is stored.
   */
  abstract insert(customer: Customer, events: readonly EventEnvelope[]): Promise<'inserted' | 'email taken'>;

  abstract findById(id: string): Promise<Customer | null>;

  /** The page of customers that `query` asks for. */
  abstract find(query: CustomerQuery): Promise<Customer[]>;

  /** How many customers there are, or in `country` when given. */
  abstract count(country?: string): Promise<number>;

  /**
   * Applies `changes` and stores `events` only if the customer is still at `revision`.
   * @returns the customer after the change; null when another write got in first (or there is no such customer).
   */
  abstract updateAtRevision(
    id: string,
    revision: number,
    changes: CustomerChanges,
    events: readonly EventEnvelope[],
  ): Promise<Customer | null>;
}
