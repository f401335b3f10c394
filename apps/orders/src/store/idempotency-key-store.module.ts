import { Module } from '@nestjs/common';

import { IdempotencyKeyStore } from '../idempotency/idempotency-key-store';
import { TypeormIdempotencyKeyStore } from './typeorm-idempotency-key-store';

@Module({
  providers: [{ provide: IdempotencyKeyStore, useClass: TypeormIdempotencyKeyStore }],
  exports: [IdempotencyKeyStore],
})
export class IdempotencyKeyStoreModule {}
