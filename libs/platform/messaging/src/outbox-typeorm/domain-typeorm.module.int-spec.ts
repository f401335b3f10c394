import { defineConfig } from '@mesh/service';
import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource, type QueryRunner } from 'typeorm';
import { z } from 'zod';

import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { type DomainDatabase, domainTypeOrmModule } from './domain-typeorm.module';

jest.setTimeout(30_000);

const testDatabase = defineConfig('database', { URL: z.string() }, () => ({}) as DomainDatabase);

/** The domain's connection as a domain module builds it, with `database` as its configuration. */
async function domainConnection(database: DomainDatabase): Promise<TestingModule> {
  @Global()
  @Module({ providers: [{ provide: testDatabase.KEY, useValue: database }], exports: [testDatabase.KEY] })
  class DatabaseConfigModule {}
  return Test.createTestingModule({
    imports: [DatabaseConfigModule, domainTypeOrmModule(testDatabase, { entities: [], migrations: [] })],
  }).compile();
}

describe('domainTypeOrmModule timeouts (real PostgreSQL)', () => {
  let database: TestDatabase;
  let module: TestingModule | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('domain-timeouts');
  });

  afterEach(async () => {
    await module?.close();
    module = undefined;
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('has PostgreSQL cancel a statement that runs past statementTimeoutMs', async () => {
    module = await domainConnection({ url: database.url, poolSize: 2, statementTimeoutMs: 300, acquireTimeoutMs: 5_000 });
    const dataSource = module.get(DataSource);

    const started = Date.now();
    const failure = await dataSource.query('SELECT pg_sleep(5)').then(
      () => undefined,
      (error: unknown) => error as { driverError?: { code?: string }; message: string },
    );

    expect(failure?.driverError?.code).toBe('57014');
    expect(failure?.message).toBe('canceling statement due to statement timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
    // The connection is still good for the next statement.
    expect(await dataSource.query('SELECT pg_sleep(0.05), 1 AS one')).toEqual([{ pg_sleep: '', one: 1 }]);
  });

  it('fails a query that waits longer than acquireTimeoutMs for a free connection of a full pool', async () => {
    module = await domainConnection({ url: database.url, poolSize: 2, statementTimeoutMs: 30_000, acquireTimeoutMs: 300 });
    const dataSource = module.get(DataSource);
    const held: QueryRunner[] = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    await Promise.all(held.map((runner) => runner.connect()));

    try {
      const started = Date.now();
      await expect(dataSource.query('SELECT 1')).rejects.toThrow('timeout exceeded when trying to connect');
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await Promise.all(held.map((runner) => runner.release()));
    }
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
