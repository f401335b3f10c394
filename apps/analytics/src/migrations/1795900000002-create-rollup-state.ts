import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What analytics knows about its own work rather than about sales: which days the rollup closed
 * (and published), and how fresh each input stream is. A rebuild leaves both alone.
 */
export class CreateRollupState1795900000002 implements MigrationInterface {
  name = 'CreateRollupState1795900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "closed_sales_days" (
        "day" date NOT NULL,
        "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "closed_sales_days_pkey" PRIMARY KEY ("day")
      )`);
    await queryRunner.query(`
      CREATE TABLE "input_freshness" (
        "stream" text NOT NULL,
        "newest_event_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "measured_age_seconds" double precision,
        "measured_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "input_freshness_pkey" PRIMARY KEY ("stream")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "input_freshness"`);
    await queryRunner.query(`DROP TABLE "closed_sales_days"`);
  }
}
