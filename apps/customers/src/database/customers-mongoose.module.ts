import { MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

import { customersMongodb, type CustomersMongodbConfig } from '../config/customers-mongodb.config';

/**
 * The connection to the customers domain's own database; the store module registers its collection
 * on it. No request holds it longer than it should: every query and aggregation carries
 * `maxTimeMS` (FerretDB v1 honours it on find and aggregate, which countDocuments is, and ignores
 * it on writes), and an operation waits a bounded time for a free connection and for a server.
 */
export const customersMongooseModule = MongooseModule.forRootAsync({
  inject: [customersMongodb.KEY],
  useFactory: (mongodb: CustomersMongodbConfig) => ({
    uri: mongodb.url,
    // CustomerIndexes builds the indexes before requests are taken, instead of in the background.
    autoIndex: false,
    // FerretDB (SQLite) answers many concurrent writes with "database is locked"; a small pool keeps the queue short.
    maxPoolSize: 10,
    waitQueueTimeoutMS: mongodb.acquireTimeoutMs,
    serverSelectionTimeoutMS: mongodb.serverSelectionTimeoutMs,
    retryAttempts: 3,
    // Mongoose adds the connection's maxTimeMS to every query and aggregation made on it.
    connectionFactory: (connection: Connection) => {
      connection.set('maxTimeMS', mongodb.maxTimeMs);
      return connection;
    },
  }),
});
