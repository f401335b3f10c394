import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The local replica of customers, fed by their events (see CustomerReplicaEntity). */
export class CreateCustomerReplica1795829348778 implements MigrationInterface {
  name = 'CreateCustomerReplica1795829348778';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "customer_replica" (
        "customer_id" uuid NOT NULL,
        "status" text NOT NULL,
        "revision" integer NOT NULL,
        "country" character(2),
        "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "customer_replica_pkey" PRIMARY KEY ("customer_id"),
        CONSTRAINT "customer_replica_status_check" CHECK ("status" IN ('active', 'deactivated'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "customer_replica"`);
  }
}
