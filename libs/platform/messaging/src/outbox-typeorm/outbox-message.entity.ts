import type { EventEnvelope } from '@mesh/contract-kit';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One event waiting in (or already relayed from) the outbox. The table is created by
 * `CreateMeshOutbox1795588226592`, never by `synchronize`; the entity lets a domain read it
 * with TypeORM (operations, tests) and keeps `migration:generate` quiet when registered.
 */
@Entity('mesh_outbox')
@Unique('mesh_outbox_event_id_key', ['eventId'])
// Only unsent rows are indexed: the relay's "next batch" query stays small however many sent rows remain.
@Index('mesh_outbox_unsent', ['position'], { where: '"sent_at" IS NULL' })
export class OutboxMessage {
  /** Insertion order, which is publication order. A bigint, so pg returns it as a string. */
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'mesh_outbox_pkey',
  })
  position!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  /** The stream (output port) the event's contract names, e.g. `orders.order.v1`. */
  @Column({ type: 'text' })
  stream!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  subject!: string;

  /** The whole validated envelope; `json` (not `jsonb`) keeps its text, and so its key order, as written. */
  @Column({ type: 'json' })
  envelope!: EventEnvelope;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
