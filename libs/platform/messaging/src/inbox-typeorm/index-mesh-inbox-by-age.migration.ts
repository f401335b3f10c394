import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Inbox rows by age, for the pruning of those whose event can no longer arrive (inboxPrunerProvider). */
export class IndexMeshInboxByAge1796600033689 implements MigrationInterface {
  name = 'IndexMeshInboxByAge1796600033689';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "mesh_inbox_applied_at_idx" ON "mesh_inbox" ("applied_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "mesh_inbox_applied_at_idx"`);
  }
}
