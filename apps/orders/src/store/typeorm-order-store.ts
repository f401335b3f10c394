import type { EventEnvelope } from '@mesh/contract-kit';
import { TypeormOutbox } from '@mesh/messaging/typeorm';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';

import type { Order } from '../orders/order';
import { orderPlacedEvent } from '../orders/order-event-envelopes';
import {
  type CustomerAdmission,
  type KeyToClaim,
  type OrderFilter,
  type OrderPosition,
  type OrderSlice,
  OrderStore,
  type Placement,
  type TransitionAttempt,
} from '../orders/order-store';
import { type OrderTransition, TRANSITIONS_FROM } from '../orders/order-transition';
import { CustomerReplicaEntity } from './customer-replica.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { OrderEntity } from './order.entity';
import { OrderLineEntity } from './order-line.entity';

/** Orders in PostgreSQL, their events through the outbox: the only class that writes the orders tables. */
@Injectable()
export class TypeormOrderStore extends OrderStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: TypeormOutbox,
  ) {
    super();
  }

  place(order: Order, admit: CustomerAdmission, key?: KeyToClaim): Promise<Placement> {
    return this.dataSource.transaction(async (manager) => {
      if (key && !(await claim(manager, key))) {
        // A concurrent request with this key committed while the claim waited: its row is visible now.
        return { placed: false, keyHolder: await manager.findOneBy(IdempotencyKeyEntity, { key: key.key }) };
      }
      // Share-locked: a deactivation arriving meanwhile waits for this order to commit.
      const customer = await manager.findOne(CustomerReplicaEntity, {
        where: { customerId: order.customerId },
        lock: { mode: 'pessimistic_read' },
      });
      admit(order.customerId, customer);
      const { lines, ...columns } = order;
      await manager.insert(OrderEntity, columns);
      await manager.insert(OrderLineEntity, lines.map((line) => ({ ...line, orderId: order.id })));
      await this.outbox.add(manager, [orderPlacedEvent(order)]);
      if (key) await manager.update(IdempotencyKeyEntity, { key: key.key }, { response: key.response });
      return { placed: true };
    });
  }

  findById(orderId: string): Promise<Order | null> {
    return this.dataSource.manager.findOne(OrderEntity, { where: { id: orderId }, relations: { lines: true } });
  }

  findNewestFirst(filter: OrderFilter, { after, offset, limit }: OrderSlice): Promise<Order[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(OrderEntity, 'o')
      .leftJoinAndSelect('o.lines', 'line')
      .where(whereOf(filter))
      .orderBy('o.placedAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .skip(offset)
      .take(limit);
    // A range on the (placed_at, id) index: as cheap behind the millionth order as behind the first.
    if (after) query.andWhere('(o.placedAt, o.id) < (:placedAt, :id)', { placedAt: after.placedAt, id: after.id });
    return query.getMany();
  }

  count(filter: OrderFilter): Promise<number> {
    return this.dataSource.manager.countBy(OrderEntity, whereOf(filter));
  }

  positionOf(orderId: string): Promise<OrderPosition | null> {
    return this.dataSource.manager.findOne(OrderEntity, { select: { id: true, placedAt: true }, where: { id: orderId } });
  }

  transition(
    orderId: string,
    transition: OrderTransition,
    eventOf: (order: Order) => EventEnvelope,
  ): Promise<TransitionAttempt | null> {
    return this.dataSource.transaction(async (manager) => {
      // Conditional on the status: of two concurrent transitions, the second waits for the
      // first's row lock, then finds the status changed and updates nothing.
      const { affected } = await manager.update(
        OrderEntity,
        { id: orderId, status: TRANSITIONS_FROM },
        { status: transition.to, [transition.timeField]: new Date() },
      );
      const order = await manager.findOne(OrderEntity, { where: { id: orderId }, relations: { lines: true } });
      if (!order) return null;
      const transitioned = affected === 1;
      if (transitioned) await this.outbox.add(manager, [eventOf(order)]);
      return { order, transitioned };
    });
  }
}

/**
 * Claims the key in the caller's transaction. A concurrent claim of the same key waits on the
 * unique key until the first transaction ends: false if it committed, true if it rolled back.
 */
async function claim(manager: EntityManager, { key, requestHash }: KeyToClaim): Promise<boolean> {
  const claimed: unknown[] = await manager.query(
    `INSERT INTO idempotency_keys (key, request_hash) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`,
    [key, requestHash],
  );
  return claimed.length === 1;
}

function whereOf(filter: OrderFilter): FindOptionsWhere<OrderEntity> {
  const where: FindOptionsWhere<OrderEntity> = {};
  if (filter.customerId !== undefined) where.customerId = filter.customerId;
  if (filter.status !== undefined) where.status = filter.status;
  return where;
}
