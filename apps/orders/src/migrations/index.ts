import {
  CreateMeshInbox1795588226593,
  CreateMeshOutbox1795588226592,
  IndexMeshInboxByAge1796600033689,
} from '@mesh/messaging/typeorm';

import { CreateOrders1795829348777 } from './1795829348777-create-orders';
import { CreateCustomerReplica1795829348778 } from './1795829348778-create-customer-replica';
import { CreateIdempotencyKeys1795829348779 } from './1795829348779-create-idempotency-keys';
import { IndexIdempotencyKeysByAge1795829348780 } from './1795829348780-index-idempotency-keys-by-age';

/** Every migration of the orders database, the platform's outbox and inbox tables included, oldest first. */
export const ordersMigrations = [
  CreateMeshOutbox1795588226592,
  CreateMeshInbox1795588226593,
  CreateOrders1795829348777,
  CreateCustomerReplica1795829348778,
  CreateIdempotencyKeys1795829348779,
  IndexIdempotencyKeysByAge1795829348780,
  IndexMeshInboxByAge1796600033689,
];
