import { deleteRowsOlderThan } from '@mesh/messaging/typeorm';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { IdempotencyKey } from '../idempotency/idempotency-key';
import { IdempotencyKeyStore } from '../idempotency/idempotency-key-store';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

/** The `idempotency_keys` table outside the placing transaction (TypeormOrderStore claims and answers keys). */
@Injectable()
export class TypeormIdempotencyKeyStore extends IdempotencyKeyStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  find(key: string): Promise<IdempotencyKey | null> {
    return this.dataSource.manager.findOneBy(IdempotencyKeyEntity, { key });
  }

  deleteCreatedBefore(before: Date): Promise<number> {
    return deleteRowsOlderThan(this.dataSource, { table: 'idempotency_keys', timeColumn: 'created_at' }, before);
  }
}
