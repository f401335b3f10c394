import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection tables. Constraints carry PostgreSQL's default names (`<table>_pkey`) because a
 * rebuild creates `<table>_next` LIKE each of them and, after the swap, renames `<table>_next_pkey`
 * back to `<table>_pkey`: the schema stays the same however many rebuilds ran. Money is in minor
 * units (bigint), days are UTC dates of the order's placedAt.
 */
export class CreateProjections1795900000001 implements MigrationInterface {
  name = 'CreateProjections1795900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "daily_sales" (
        "day" date NOT NULL,
        "currency" text NOT NULL,
        "orders" integer NOT NULL DEFAULT 0,
        "revenue" bigint NOT NULL DEFAULT 0,
        "cancelled_orders" integer NOT NULL DEFAULT 0,
        "cancelled_revenue" bigint NOT NULL DEFAULT 0,
        CONSTRAINT "daily_sales_pkey" PRIMARY KEY ("day", "currency")
      )`);
    await queryRunner.query(`
      CREATE TABLE "customer_value" (
        "customer_pseudonym" text NOT NULL,
        "country" text,
        "country_revision" integer,
        "tier" text,
        "tier_revision" integer,
        "order_count" integer NOT NULL DEFAULT 0,
        CONSTRAINT "customer_value_pkey" PRIMARY KEY ("customer_pseudonym")
      )`);
    await queryRunner.query(`
      CREATE TABLE "customer_revenue" (
        "customer_pseudonym" text NOT NULL,
        "currency" text NOT NULL,
        "revenue" bigint NOT NULL DEFAULT 0,
        CONSTRAINT "customer_revenue_pkey" PRIMARY KEY ("customer_pseudonym", "currency")
      )`);
    await queryRunner.query(`
      CREATE TABLE "product_sales" (
        "day" date NOT NULL,
        "sku" text NOT NULL,
        "currency" text NOT NULL,
        "units" bigint NOT NULL DEFAULT 0,
        "revenue" bigint NOT NULL DEFAULT 0,
        CONSTRAINT "product_sales_pkey" PRIMARY KEY ("day", "sku", "currency")
      )`);
    await queryRunner.query(`
      CREATE TABLE "projected_orders" (
        "order_id" uuid NOT NULL,
        "placed" boolean NOT NULL DEFAULT false,
        "cancelled" boolean NOT NULL DEFAULT false,
        CONSTRAINT "projected_orders_pkey" PRIMARY KEY ("order_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "order_lines" (
        "order_id" uuid NOT NULL,
        "sku" text NOT NULL,
        "day" date NOT NULL,
        "currency" text NOT NULL,
        "units" integer NOT NULL,
        "revenue" bigint NOT NULL,
        CONSTRAINT "order_lines_pkey" PRIMARY KEY ("order_id", "sku")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['order_lines', 'projected_orders', 'product_sales', 'customer_revenue', 'customer_value', 'daily_sales']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
