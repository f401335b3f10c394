import type { EventEnvelope } from '@mesh/contract-kit';

import type { CustomerChange } from './customer-replica';

/**
 * What applying one customer event did: changed the replica, found the replica already at this
 * revision or a newer one, or found the event applied before (a redelivery).
 */
export type ReplicaUpdate = 'applied' | 'not-newer' | 'applied-before';

/**
 * Where the replica of customers is kept. An abstract class so that it doubles as the DI token;
 * CustomerReplicaStoreModule binds it to the TypeORM implementation.
 */
export abstract class CustomerReplicaStore {
  /**
   * In one transaction: records the event in the inbox of the consumer group, and unless it was
   * recorded before, writes the change when its revision is above the replica's (a customer first
   * seen through an update is active). A concurrent delivery of the same event waits, then finds
   * it recorded.
   */
  abstract apply(event: Pick<EventEnvelope, 'id'>, change: CustomerChange): Promise<ReplicaUpdate>;
}
