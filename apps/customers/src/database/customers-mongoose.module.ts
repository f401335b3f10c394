import { MongooseModule } from '@nestjs/mongoose';

import { customersMongodb, type CustomersMongodbConfig } from '../config/customers-mongodb.config';

/** The connection to the customers domain's own database; the store module registers its collection on it. */
export const customersMongooseModule = MongooseModule.forRootAsync({
  inject: [customersMongodb.KEY],
  useFactory: (mongodb: CustomersMongodbConfig) => ({
    uri: mongodb.url,
    // CustomerIndexes builds the indexes before requests are taken, instead of in the background.
    autoIndex: false,
    // FerretDB (SQLite) answers many concurrent writes with "database is locked"; a small pool keeps the queue short.
    maxPoolSize: 10,
    serverSelectionTimeoutMS: 5_000,
    retryAttempts: 3,
  }),
});
