import { Client } from 'pg';
import { Column, DataSource, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';

import { storeUrl, uniqueName } from './store-url';

@Entity({ name: 'proof_orders' })
class ProofOrder {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'total_minor', type: 'bigint' })
  totalMinor!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;
}

class CreateProofOrders1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE proof_orders (id uuid PRIMARY KEY, total_minor bigint NOT NULL, currency char(3) NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE proof_orders');
  }
}

describe('TypeORM against PostgreSQL', () => {
  const database = uniqueName('proof');
  const adminUrl = storeUrl('POSTGRES_URL');
  let dataSource: DataSource;

  async function admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    dataSource = new DataSource({
      type: 'postgres',
      url: url.toString(),
      entities: [ProofOrder],
      migrations: [CreateProofOrders1700000000000],
      synchronize: false,
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await admin(`DROP DATABASE IF EXISTS ${database}`);
  });

  it('runs a migration, then writes and reads back a row', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied.map((migration) => migration.name)).toEqual(['CreateProofOrders1700000000000']);

    const orders = dataSource.getRepository(ProofOrder);
    const id = '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a';
    await orders.insert({ id, totalMinor: '9007199254740993', currency: 'EUR' });

    const found = await orders.findOneByOrFail({ id });
    // bigint comes back as a string: minor units beyond 2^53 survive the round trip.
    expect(found).toEqual({ id, totalMinor: '9007199254740993', currency: 'EUR' });
  });

  it('does not run an applied migration twice', async () => {
    expect(await dataSource.runMigrations()).toEqual([]);
  });
});
