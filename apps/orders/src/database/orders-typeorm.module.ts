import { domainTypeOrmModule } from '@mesh/messaging/typeorm';

import { ordersDatabase } from '../config/orders-database.config';
import { CustomerReplicaEntity } from '../customer-replica/customer-replica.entity';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';
import { ordersMigrations } from '../migrations';
import { OrderEntity } from '../orders/order.entity';
import { OrderLineEntity } from '../orders/order-line.entity';

/** The orders' own tables; the outbox and inbox entities come with the module. */
export const ordersEntities = [OrderEntity, OrderLineEntity, CustomerReplicaEntity, IdempotencyKeyEntity];

export const ordersTypeOrmModule = domainTypeOrmModule(ordersDatabase, {
  entities: ordersEntities,
  migrations: ordersMigrations,
});
