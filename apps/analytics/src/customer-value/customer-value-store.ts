import type { StoredCustomerValue } from './customer-value';

/**
 * The customer value projection as the API reads it, by pseudonym only. An abstract class so that
 * it doubles as the DI token; the store module binds it to the SQL implementation.
 */
export abstract class CustomerValueStore {
  /** One customer's value with its revenue, as of one snapshot; undefined when no event about the customer was applied. */
  abstract find(pseudonym: string): Promise<StoredCustomerValue | undefined>;
}
