import type { EventEnvelope } from '@mesh/contract-kit';
import { TypeormInbox } from '@mesh/messaging/typeorm';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { customerEventsConsumer } from '../customer-replica/customer-events.consumer';
import type { CustomerChange } from '../customer-replica/customer-replica';
import { CustomerReplicaStore, type ReplicaUpdate } from '../customer-replica/customer-replica-store';

/** The `customer_replica` table, each change applied once through the inbox of the consumer group. */
@Injectable()
export class TypeormCustomerReplicaStore extends CustomerReplicaStore {
  private readonly inbox: TypeormInbox;

  constructor(dataSource: DataSource) {
    super();
    this.inbox = new TypeormInbox(dataSource, customerEventsConsumer.group);
  }

  async apply(event: Pick<EventEnvelope, 'id'>, change: CustomerChange): Promise<ReplicaUpdate> {
    let written = false;
    const firstTime = await this.inbox.runOnce(event, async (manager) => {
      written = await upsertIfNewer(manager, change);
    });
    if (!firstTime) return 'applied-before';
    return written ? 'applied' : 'not-newer';
  }
}

// A customer first seen through an update is active: a deactivated customer cannot change.
async function upsertIfNewer(manager: EntityManager, change: CustomerChange): Promise<boolean> {
  const written: unknown[] = await manager.query(
    `INSERT INTO customer_replica (customer_id, status, revision, country, changed_at)
     VALUES ($1, COALESCE($2::text, 'active'), $3, $4, $5)
     ON CONFLICT (customer_id) DO UPDATE SET
       status = COALESCE($2::text, customer_replica.status),
       country = COALESCE($4, customer_replica.country),
       revision = EXCLUDED.revision,
       changed_at = EXCLUDED.changed_at
     WHERE customer_replica.revision < EXCLUDED.revision
     RETURNING customer_id`,
    [change.customerId, change.status ?? null, change.revision, change.country ?? null, change.changedAt],
  );
  return written.length === 1;
}
