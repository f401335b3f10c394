import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates the inbox table (see InboxRecord). A consuming domain lists this class among its own
 * migrations; the timestamp in the name orders it with them.
 */
export class CreateMeshInbox1795588226593 implements MigrationInterface {
  // Explicit, so that a bundler renaming the class cannot change the recorded migration name.
  name = 'CreateMeshInbox1795588226593';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "mesh_inbox" (
        "consumer_group" text NOT NULL,
        "event_id" uuid NOT NULL,
        "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "mesh_inbox_pkey" PRIMARY KEY ("consumer_group", "event_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mesh_inbox"`);
  }
}
