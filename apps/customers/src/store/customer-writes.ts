import type { MongoOutboxSource } from '@mesh/messaging/mongoose';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';

import { type ReplicaLockDocument, ReplicaLocks } from './replica-locks';

/** Where the write locks live: a collection of their own next to `customers`. */
export const CUSTOMER_LOCKS_COLLECTION = 'customer_locks';

/**
 * Every write to an existing customer goes through here. MongoDB applies each single-document
 * update atomically, so writes run at once. FerretDB v1 (SQLite) reads a document and writes it
 * back in two steps, so of two concurrent updates of one customer, from this replica or another,
 * one would be lost (an order's effect, or the outbox relay's removal of published events undoing
 * an API change): there each write holds the customer's lock (ReplicaLocks) while it runs, and a
 * replica's writes run one at a time. SQLite takes one writer at a time anyway; letting dozens
 * queue inside it only makes locks wait longer and their holders poll harder (measured in the
 * soak: FerretDB at 120 % CPU, the customers group falling behind the stream's cap).
 */
@Injectable()
export class CustomerWrites implements OnModuleInit {
  private locks: ReplicaLocks | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    // FerretDB answers buildInfo with its own version next to the MongoDB version it emulates.
    const info = await this.connection.db?.admin().command({ buildInfo: 1 });
    if (info?.['ferretdbVersion'] !== undefined && this.connection.db)
      this.locks = new ReplicaLocks(this.connection.db.collection<ReplicaLockDocument>(CUSTOMER_LOCKS_COLLECTION));
  }

  /** Runs `write`, which changes the customers with these ids, holding their locks where the store needs them. */
  run<T>(customerIds: string | readonly string[], write: () => Promise<T>): Promise<T> {
    if (!this.locks) return write();
    const locks = this.locks;
    const keys = (typeof customerIds === 'string' ? [customerIds] : customerIds).map((id) => `customer:${id}`);
    const locked = () => locks.withLocks(keys, write);
    // After the writes queued before it, whether they failed or not.
    const result = this.tail.then(locked, locked);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** The model as the outbox relay reads it, its removals of published events holding the customers' locks too. */
  relaySource<T>(model: Model<T>): MongoOutboxSource {
    const collection = model.collection;
    const locked = new Proxy(collection, {
      get: (target, property) => {
        const value: unknown = Reflect.get(target, property, target);
        if (property === 'bulkWrite' && typeof value === 'function') {
          return (operations: Array<{ updateOne?: { filter?: { _id?: unknown } } }>, ...rest: unknown[]) =>
            this.run(
              operations.map((operation) => String(operation.updateOne?.filter?._id)),
              () => Promise.resolve(value.call(target, operations, ...rest)),
            );
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { modelName: model.modelName, schema: model.schema, db: model.db, collection: locked };
  }
}
