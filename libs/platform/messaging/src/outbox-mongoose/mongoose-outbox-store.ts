import type { EventCatalog } from '@mesh/contract-kit';

import type { OutboxBacklog } from '../metrics/messaging-metrics';
import type { OutboxStore, OutboxStoreListener } from '../outbox/outbox-store';
import { outboxBacklog } from './outbox-backlog';
import type { MongoOutboxSource } from './outbox-source';
import { type PendingBatch, readPendingBatch, type Unpublishable } from './pending-batch';
import { removePublished } from './published-removal';
import type { RelayLease } from './relay-lease';

/**
 * The outbox fields of a domain's documents as the relay's store: events wait in the document
 * they describe, per document in array order, and leave it by a `$pullAll` of exactly those
 * published. The leadership is a lease in the domain's `mesh_locks` collection.
 *
 * FerretDB v1 (SQLite) does not isolate concurrent updates of one document: a removal racing
 * with the application's update of the same document can also undo that update. MongoDB
 * applies each single-document update atomically, so production should run on MongoDB.
 */
export class MongooseOutboxStore implements OutboxStore<PendingBatch> {
  private readonly unpublishable: Unpublishable = new Map();
  private listener: OutboxStoreListener | undefined;

  constructor(
    readonly leadership: RelayLease,
    private readonly models: readonly MongoOutboxSource[],
    private readonly catalog: EventCatalog,
    private readonly batchDocuments: number,
  ) {}

  listen(listener: OutboxStoreListener): void {
    this.listener = listener;
  }

  readPending(): Promise<PendingBatch> {
    return readPendingBatch(this.models, this.catalog, this.batchDocuments, this.unpublishable, (message, error) =>
      this.listener?.problem(message, error),
    );
  }

  markPublished(batch: PendingBatch): Promise<void> {
    return removePublished(batch.documents);
  }

  backlog(): Promise<OutboxBacklog> {
    return outboxBacklog(this.models);
  }
}
