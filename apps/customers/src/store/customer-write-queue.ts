import type { MongoOutboxSource } from '@mesh/messaging';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';

/**
 * FerretDB v1 (SQLite) applies an update by reading the document and writing it back in two
 * steps, so of two concurrent updates of one customer one can be lost: an order's effect, or the
 * outbox relay's removal of published events undoing an API change. On FerretDB this process's
 * writes to customers (API changes, order effects and the relay's removals) therefore run one at
 * a time; on MongoDB, which applies each single-document update atomically, they run at once.
 * Replicas still race each other on FerretDB, so run a single replica on it (it is the local store).
 */
@Injectable()
export class CustomerWriteQueue implements OnModuleInit {
  private serialised = true;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    // FerretDB answers buildInfo with its own version next to the MongoDB version it emulates.
    const info = await this.connection.db?.admin().command({ buildInfo: 1 });
    this.serialised = info?.['ferretdbVersion'] !== undefined;
  }

  /** Runs `write` after the writes queued before it (when serialised), whether they failed or not. */
  run<T>(write: () => Promise<T>): Promise<T> {
    if (!this.serialised) return write();
    const result = this.tail.then(write, write);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** The model as the outbox relay reads it, with its removals of published events queued here too. */
  relaySource<T>(model: Model<T>): MongoOutboxSource {
    const collection = model.collection;
    const queued = new Proxy(collection, {
      get: (target, property) => {
        const value: unknown = Reflect.get(target, property, target);
        if (property === 'bulkWrite' && typeof value === 'function') {
          return (...args: unknown[]) => this.run(() => Promise.resolve(value.apply(target, args)));
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { modelName: model.modelName, schema: model.schema, db: model.db, collection: queued };
  }
}
