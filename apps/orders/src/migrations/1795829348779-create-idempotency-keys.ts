import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys of `POST /orders` with the response each one got (see IdempotencyKeyEntity). */
export class CreateIdempotencyKeys1795829348779 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1795829348779';

  async up(queryRunner: QueryRunner): Promise<void> {
    // json, not jsonb: a replay sends the stored text back with its keys in their first order.
    await queryRunner.query(`
      CREATE TABLE "idempotency_keys" (
        "key" text NOT NULL,
        "request_hash" text NOT NULL,
        "response" json,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("key")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
