import type { OrderStatus } from '@mesh/orders-contracts';
import { Check, Column, Entity, Index, OneToMany, PrimaryColumn, type Relation } from 'typeorm';

import type { Order } from '../orders/order';
import { minorUnitsTransformer } from './minor-units.transformer';
import { OrderLineEntity } from './order-line.entity';

/** An order: created by CreateOrders1795829348777, never by `synchronize`. */
@Entity('orders')
@Check('orders_status_check', `"status" IN ('placed', 'cancelled', 'shipped')`)
// Both serve `GET /orders` newest first: all orders, or one customer's.
@Index('orders_placed_at', ['placedAt', 'id'])
@Index('orders_customer_placed_at', ['customerId', 'placedAt', 'id'])
export class OrderEntity implements Order {
  /** UUIDv7, so ids sort by creation time too. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'orders_pkey' })
  id!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @Column({ type: 'text' })
  status!: OrderStatus;

  /** ISO 4217 code; every amount of the order is in its minor unit. */
  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'bigint', transformer: minorUnitsTransformer })
  total!: number;

  @Column({ name: 'placed_at', type: 'timestamptz' })
  placedAt!: Date;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'shipped_at', type: 'timestamptz', nullable: true })
  shippedAt!: Date | null;

  @OneToMany(() => OrderLineEntity, (line) => line.order)
  lines!: Relation<OrderLineEntity[]>;
}
