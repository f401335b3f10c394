import { mongoUrl, testDatabaseName } from '@mesh/messaging/testing';
import { Global, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Test, type TestingModule } from '@nestjs/testing';
import { type Connection, Schema } from 'mongoose';

import { customersMongodb, type CustomersMongodbConfig } from '../config/customers-mongodb.config';
import { customersMongooseModule } from './customers-mongoose.module';

jest.setTimeout(60_000);


/** The customers connection as the app builds it, on a database of this file, with these limits. */
async function customersConnection(limits: Partial<CustomersMongodbConfig>): Promise<TestingModule> {
  const url = new URL(mongoUrl());
  url.pathname = `/${testDatabaseName('customers-limits')}`;
  const config: CustomersMongodbConfig = {
    url: url.toString(),
    maxTimeMs: 30_000,
    acquireTimeoutMs: 10_000,
    serverSelectionTimeoutMs: 5_000,
    ...limits,
  };
  @Global()
  @Module({ providers: [{ provide: customersMongodb.KEY, useValue: config }], exports: [customersMongodb.KEY] })
  class ConfigModule {}
  return Test.createTestingModule({ imports: [ConfigModule, customersMongooseModule] }).compile();
}

const things = new Schema({ _id: String, text: String }, { versionKey: false });

/** Enough documents (thousands) that a scan of them takes FerretDB well over a few milliseconds. */
async function fill(connection: Connection, count: number): Promise<void> {
  const model = connection.model('Thing', things);
  const documents = Array.from({ length: count }, (_, n) => ({ _id: `thing-${n}`, text: 'x'.repeat(50) }));
  for (let start = 0; start < count; start += 5_000) {
    await model.insertMany(documents.slice(start, start + 5_000), { ordered: false });
  }
}

describe('customers MongoDB connection limits (real MongoDB or FerretDB)', () => {
  let module: TestingModule | undefined;
  let connection: Connection;

  afterEach(async () => {
    await connection?.dropDatabase();
    await module?.close();
    module = undefined;
  });

  it('has the server stop a query or a count that runs past CUSTOMERS_MONGODB_MAX_TIME_MS', async () => {
    module = await customersConnection({ maxTimeMs: 5 });
    connection = module.get<Connection>(getConnectionToken());
    await fill(connection, 20_000);
    const model = connection.model('Thing', things);

    for (const slow of [
      () => model.find({ text: { $regex: 'y' } }).lean().exec(),
      () => model.countDocuments({ text: { $regex: 'y' } }).exec(),
    ]) {
      await expect(slow()).rejects.toMatchObject({ name: 'MongoServerError', code: 50 });
    }
  });

  it('fails an operation that waits longer than CUSTOMERS_MONGODB_ACQUIRE_TIMEOUT_MS for a free connection', async () => {
    module = await customersConnection({ acquireTimeoutMs: 50 });
    connection = module.get<Connection>(getConnectionToken());
    await fill(connection, 5_000);
    const model = connection.model('Thing', things);

    // Two more than the pool's ten connections, each busy for hundreds of milliseconds.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => model.find({ text: { $regex: 'y' } }).lean().exec()),
    );

    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as Error] : []));
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(new Set(failures.map((failure) => failure.name))).toEqual(new Set(['MongoWaitQueueTimeoutError']));
  });
});
