import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders and their lines (see OrderEntity, OrderLineEntity). Amounts are bigint minor units. */
export class CreateOrders1795829348777 implements MigrationInterface {
  // Explicit, so that a bundler renaming the class cannot change the recorded migration name.
  name = 'CreateOrders1795829348777';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "orders" (
        "id" uuid NOT NULL,
        "customer_id" uuid NOT NULL,
        "status" text NOT NULL,
        "currency" character(3) NOT NULL,
        "total" bigint NOT NULL,
        "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "cancelled_at" TIMESTAMP WITH TIME ZONE,
        "shipped_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "orders_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "orders_status_check" CHECK ("status" IN ('placed', 'cancelled', 'shipped'))
      )`);
    await queryRunner.query(`CREATE INDEX "orders_placed_at" ON "orders" ("placed_at", "id")`);
    await queryRunner.query(`CREATE INDEX "orders_customer_placed_at" ON "orders" ("customer_id", "placed_at", "id")`);
    await queryRunner.query(`
      CREATE TABLE "order_lines" (
        "order_id" uuid NOT NULL,
        "line_no" smallint NOT NULL,
        "sku" text NOT NULL,
        "quantity" integer NOT NULL,
        "unit_price" bigint NOT NULL,
        "line_total" bigint NOT NULL,
        CONSTRAINT "order_lines_pkey" PRIMARY KEY ("order_id", "line_no"),
        CONSTRAINT "order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "order_lines"`);
    await queryRunner.query(`DROP TABLE "orders"`);
  }
}
