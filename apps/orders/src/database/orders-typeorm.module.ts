import { InboxRecord, OutboxMessage } from '@mesh/messaging/typeorm';
import type { ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ordersDatabase } from '../config/orders-database.config';
import { CustomerReplicaEntity } from '../customer-replica/customer-replica.entity';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';
import { ordersMigrations } from '../migrations';
import { OrderEntity } from '../orders/order.entity';
import { OrderLineEntity } from '../orders/order-line.entity';

export const ordersEntities = [
  OrderEntity,
  OrderLineEntity,
  CustomerReplicaEntity,
  IdempotencyKeyEntity,
  OutboxMessage,
  InboxRecord,
];

/**
 * The schema comes from the migrations alone, run at start-up; `synchronize` would let an
 * entity edit change a production table without a reviewed migration.
 */
export const ordersTypeOrmModule = TypeOrmModule.forRootAsync({
  inject: [ordersDatabase.KEY],
  useFactory: (database: ConfigType<typeof ordersDatabase>) => ({
    type: 'postgres' as const,
    url: database.url,
    poolSize: database.poolSize,
    entities: ordersEntities,
    migrations: ordersMigrations,
    migrationsRun: true,
    synchronize: false,
    retryAttempts: 3,
  }),
});
