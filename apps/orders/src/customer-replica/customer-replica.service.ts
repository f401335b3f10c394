import type { EventEnvelope } from '@mesh/contract-kit';
import type { CustomerStatus } from '@mesh/customers-contracts';
import { TypeormInbox } from '@mesh/messaging/typeorm';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { customerEventsConsumer } from './customer-events.consumer';

/** What one customer event says about the customer; fields it does not carry are left as they are. */
export interface CustomerChange {
  customerId: string;
  revision: number;
  /** When the change happened in the customers domain. */
  changedAt: string;
  status?: CustomerStatus;
  country?: string;
}

/**
 * Applies customer events to the replica, each once (the inbox) and only when newer than what
 * the replica holds (the revision), so redeliveries and out-of-order events change nothing.
 */
@Injectable()
export class CustomerReplicaService {
  private readonly log = new Logger(CustomerReplicaService.name);
  private readonly inbox: TypeormInbox;

  constructor(dataSource: DataSource) {
    this.inbox = new TypeormInbox(dataSource, customerEventsConsumer.group);
  }

  /** @returns false when this event was applied before. */
  apply(event: Pick<EventEnvelope, 'id' | 'type'>, change: CustomerChange): Promise<boolean> {
    return this.inbox.runOnce(event, async (manager) => {
      if (!(await upsertIfNewer(manager, change))) {
        this.log.log(
          `${event.type} ${event.id} is not newer than the replica of customer ${change.customerId}; ignored`,
        );
      }
    });
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
