import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An event whose effect a consumer group has applied. Created by `CreateMeshInbox1795588226593`
 * (and indexed by age by `IndexMeshInboxByAge1796600033689`), never by `synchronize`; registering
 * the entity is optional (TypeormInbox uses SQL).
 */
@Entity('mesh_inbox')
export class InboxRecord {
  @PrimaryColumn({
    name: 'consumer_group',
    type: 'text',
    primaryKeyConstraintName: 'mesh_inbox_pkey',
  })
  consumerGroup!: string;

  @PrimaryColumn({
    name: 'event_id',
    type: 'uuid',
    primaryKeyConstraintName: 'mesh_inbox_pkey',
  })
  eventId!: string;

  /** Indexed by IndexMeshInboxByAge1796600033689, for the pruning of old records (InboxPruner). */
  @Index('mesh_inbox_applied_at_idx')
  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' })
  appliedAt!: Date;
}
