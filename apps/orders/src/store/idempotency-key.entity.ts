import type { OrderResponse } from '@mesh/orders-contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

import type { IdempotencyKey } from '../idempotency/idempotency-key';

/**
 * An `Idempotency-Key` and the order it placed, written in the transaction that placed it: a
 * retry finds the key and gets the first response back instead of a second order.
 */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity implements IdempotencyKey {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_keys_pkey' })
  key!: string;

  /** SHA-256 of the canonical request body: the same key with another body is refused. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  /** Null only inside the placing transaction, between claiming the key and placing the order. */
  @Column({ type: 'json', nullable: true })
  response!: OrderResponse | null;

  /** Keys live ORDERS_IDEMPOTENCY_KEY_TTL_HOURS from here (ExpiredIdempotencyKeys). */
  @Index('idempotency_keys_created_at_idx')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
