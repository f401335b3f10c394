import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates the outbox table (see OutboxMessage). A domain lists this class among its own
 * migrations; the timestamp in the name orders it with them.
 */
export class CreateMeshOutbox1795588226592 implements MigrationInterface {
  // Explicit, so that a bundler renaming the class cannot change the recorded migration name.
  name = 'CreateMeshOutbox1795588226592';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "mesh_outbox" (
        "position" BIGSERIAL NOT NULL,
        "event_id" uuid NOT NULL,
        "stream" text NOT NULL,
        "type" text NOT NULL,
        "subject" text NOT NULL,
        "envelope" json NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "mesh_outbox_pkey" PRIMARY KEY ("position"),
        CONSTRAINT "mesh_outbox_event_id_key" UNIQUE ("event_id")
      )`);
    await queryRunner.query(`CREATE INDEX "mesh_outbox_unsent" ON "mesh_outbox" ("position") WHERE "sent_at" IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mesh_outbox"`);
  }
}
