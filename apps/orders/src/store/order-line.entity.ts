import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

import type { OrderLine } from '../orders/order';
import { minorUnitsTransformer } from './minor-units.transformer';
import { OrderEntity } from './order.entity';

/** One line of an order, numbered from 1 in the order the client sent them. */
@Entity('order_lines')
export class OrderLineEntity implements OrderLine {
  @PrimaryColumn({ name: 'order_id', type: 'uuid', primaryKeyConstraintName: 'order_lines_pkey' })
  orderId!: string;

  @PrimaryColumn({ name: 'line_no', type: 'smallint', primaryKeyConstraintName: 'order_lines_pkey' })
  lineNo!: number;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'unit_price', type: 'bigint', transformer: minorUnitsTransformer })
  unitPrice!: number;

  @Column({ name: 'line_total', type: 'bigint', transformer: minorUnitsTransformer })
  lineTotal!: number;

  @ManyToOne(() => OrderEntity, (order) => order.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'order_lines_order_id_fkey' })
  order!: Relation<OrderEntity>;
}
