import { domainTypeOrmModule } from '@mesh/messaging/typeorm';

import { ordersDatabase } from '../config/orders-database.config';
import { ordersMigrations } from '../migrations';
import { CustomerReplicaEntity } from '../store/customer-replica.entity';
import { IdempotencyKeyEntity } from '../store/idempotency-key.entity';
import { OrderEntity } from '../store/order.entity';
import { OrderLineEntity } from '../store/order-line.entity';

/** The orders' own tables; the outbox and inbox entities come with the module. */
export const ordersEntities = [OrderEntity, OrderLineEntity, CustomerReplicaEntity, IdempotencyKeyEntity];

export const ordersTypeOrmModule = domainTypeOrmModule(ordersDatabase, {
  entities: ordersEntities,
  migrations: ordersMigrations,
});
