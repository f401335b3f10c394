import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys by age, for the sweep that deletes the expired ones (ExpiredIdempotencyKeys). */
export class IndexIdempotencyKeysByAge1795829348780 implements MigrationInterface {
  name = 'IndexIdempotencyKeysByAge1795829348780';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys" ("created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idempotency_keys_created_at_idx"`);
  }
}
