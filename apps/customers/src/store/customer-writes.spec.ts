import type { Connection, Model } from 'mongoose';

import { CUSTOMER_LOCKS_COLLECTION, CustomerWrites } from './customer-writes';
import type { StoredCustomer } from './stored-customer.schema';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A connection that answers buildInfo as FerretDB (with its own version) or as MongoDB, and
 * records what is done to the lock collection.
 */
function connectionTo(server: 'FerretDB' | 'MongoDB', steps: string[]): Connection {
  const info = server === 'FerretDB' ? { version: '7.0.77', ferretdbVersion: 'v1.24.2' } : { version: '7.0.14' };
  const locks = {
    insertOne: async (lock: { _id: string }) => void steps.push(`lock ${lock._id}`),
    deleteOne: async (filter: { _id: string }) => void steps.push(`unlock ${filter._id}`),
  };
  return {
    db: {
      admin: () => ({ command: async () => info }),
      collection: (name: string) => (name === CUSTOMER_LOCKS_COLLECTION ? locks : undefined),
    },
  } as unknown as Connection;
}

async function writesFor(server: 'FerretDB' | 'MongoDB', steps: string[]): Promise<CustomerWrites> {
  const writes = new CustomerWrites(connectionTo(server, steps));
  await writes.onModuleInit();
  return writes;
}

/** A write that records when it starts and ends. */
function recordedWrite(steps: string[], name: string) {
  return async () => {
    steps.push(`${name} start`);
    await tick();
    steps.push(`${name} end`);
    return name;
  };
}

describe('CustomerWrites', () => {
  it('holds the customer lock around each write on FerretDB', async () => {
    const steps: string[] = [];
    const writes = await writesFor('FerretDB', steps);

    await expect(writes.run('c1', recordedWrite(steps, 'a'))).resolves.toBe('a');

    expect(steps).toEqual(['lock customer:c1', 'a start', 'a end', 'unlock customer:c1']);
  });

  it("runs one replica's writes one at a time on FerretDB, each after the previous one, even a failed one", async () => {
    const steps: string[] = [];
    const writes = await writesFor('FerretDB', steps);
    const failing = async () => {
      steps.push('b start');
      await tick();
      throw new Error('b');
    };

    const results = await Promise.allSettled([
      writes.run('c1', recordedWrite(steps, 'a')),
      writes.run('c2', failing),
      writes.run('c3', recordedWrite(steps, 'c')),
    ]);

    expect(steps.filter((step) => !step.startsWith('lock') && !step.startsWith('unlock'))).toEqual([
      'a start',
      'a end',
      'b start',
      'c start',
      'c end',
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('takes no lock on MongoDB, which applies each single-document update atomically', async () => {
    const steps: string[] = [];
    const writes = await writesFor('MongoDB', steps);

    await Promise.all([writes.run('c1', recordedWrite(steps, 'a')), writes.run('c1', recordedWrite(steps, 'b'))]);

    expect(steps).toEqual(['a start', 'b start', 'a end', 'b end']);
  });

  it("holds the locks of every customer an outbox relay's removal touches, and leaves its reads alone", async () => {
    const steps: string[] = [];
    const writes = await writesFor('FerretDB', steps);
    const collection = { bulkWrite: recordedWrite(steps, 'relay removal'), find: () => steps.push('relay read') };
    const model = { modelName: 'Customer', schema: {}, db: {}, collection } as unknown as Model<StoredCustomer>;
    const source = writes.relaySource(model);

    source.collection.find({});
    const removals = ['c2', 'c1'].map((id) => ({ updateOne: { filter: { _id: id }, update: {} } }));
    // The driver's types want ObjectId _ids; customers' are UUID strings.
    await source.collection.bulkWrite(removals as never);

    expect(steps).toEqual([
      'relay read',
      'lock customer:c1',
      'lock customer:c2',
      'relay removal start',
      'relay removal end',
      'unlock customer:c2',
      'unlock customer:c1',
    ]);
    expect(source.modelName).toBe('Customer');
  });
});
