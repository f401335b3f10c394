import type { CustomerStatus } from '@mesh/customers-contracts';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

import type { CustomerReplica } from '../customer-replica/customer-replica';

/**
 * What orders knows of a customer, kept from the customers domain's events. Name and email are
 * personal data owned by customers and are deliberately not copied here.
 */
@Entity('customer_replica')
@Check('customer_replica_status_check', `"status" IN ('active', 'deactivated')`)
export class CustomerReplicaEntity implements CustomerReplica {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid', primaryKeyConstraintName: 'customer_replica_pkey' })
  customerId!: string;

  @Column({ type: 'text' })
  status!: CustomerStatus;

  /** The customer's revision this row reflects; only an event with a higher one changes it. */
  @Column({ type: 'integer' })
  revision!: number;

  /** Unknown while the customer was seen only through its deactivation. */
  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  /** When the change this row reflects happened in the customers domain. */
  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
