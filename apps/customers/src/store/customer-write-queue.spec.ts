import type { Connection, Model } from 'mongoose';

import type { Customer } from './customer.schema';
import { CustomerWriteQueue } from './customer-write-queue';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A connection that answers buildInfo as FerretDB (with its own version) or as MongoDB. */
function connectionTo(server: 'FerretDB' | 'MongoDB'): Connection {
  const info = server === 'FerretDB' ? { version: '7.0.77', ferretdbVersion: 'v1.24.2' } : { version: '7.0.14' };
  return { db: { admin: () => ({ command: async () => info }) } } as unknown as Connection;
}

async function queueFor(server: 'FerretDB' | 'MongoDB'): Promise<CustomerWriteQueue> {
  const queue = new CustomerWriteQueue(connectionTo(server));
  await queue.onModuleInit();
  return queue;
}

/** A write that records when it starts and ends, and fails when asked. */
function recordedWrite(steps: string[], name: string, fail = false) {
  return async () => {
    steps.push(`${name} start`);
    await tick();
    steps.push(`${name} end`);
    if (fail) throw new Error(name);
    return name;
  };
}

describe('CustomerWriteQueue', () => {
  it('runs writes one at a time on FerretDB, each after the previous one, even a failed one', async () => {
    const queue = await queueFor('FerretDB');
    const steps: string[] = [];

    const results = await Promise.allSettled([
      queue.run(recordedWrite(steps, 'a')),
      queue.run(recordedWrite(steps, 'b', true)),
      queue.run(recordedWrite(steps, 'c')),
    ]);

    expect(steps).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('runs writes at once on MongoDB, which applies each single-document update atomically', async () => {
    const queue = await queueFor('MongoDB');
    const steps: string[] = [];

    await Promise.all([queue.run(recordedWrite(steps, 'a')), queue.run(recordedWrite(steps, 'b'))]);

    expect(steps).toEqual(['a start', 'b start', 'a end', 'b end']);
  });

  it("queues the outbox relay's removals with the other writes, and leaves its reads alone", async () => {
    const queue = await queueFor('FerretDB');
    const steps: string[] = [];
    const collection = {
      bulkWrite: recordedWrite(steps, 'relay removal'),
      find: () => steps.push('relay read'),
    };
    const model = { modelName: 'Customer', schema: {}, db: {}, collection } as unknown as Model<Customer>;
    const source = queue.relaySource(model);

    const write = queue.run(recordedWrite(steps, 'api write'));
    const removal = source.collection.bulkWrite([]);
    source.collection.find({});
    await Promise.all([write, removal]);

    expect(steps).toEqual([
      'relay read',
      'api write start',
      'api write end',
      'relay removal start',
      'relay removal end',
    ]);
    expect(source.modelName).toBe('Customer');
  });
});
