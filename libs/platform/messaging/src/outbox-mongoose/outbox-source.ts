import type { Connection, mongo, Schema } from 'mongoose';

/** A Mongoose model whose documents carry an outbox field; any `Model` fits. */
export interface MongoOutboxSource {
  readonly modelName: string;
  readonly schema: Schema;
  readonly collection: mongo.Collection;
  readonly db: Connection;
}
