import mongoose, { Connection, Schema } from 'mongoose';

import { storeUrl, uniqueName } from './store-url';

interface ProofCustomer {
  email: string;
  name: string;
  appliedEvents: string[];
  orderCount: number;
}

const proofCustomerSchema = new Schema<ProofCustomer>({
  email: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  appliedEvents: { type: [String], default: [] },
  orderCount: { type: Number, default: 0 },
});

describe('Mongoose against the MongoDB-compatible server', () => {
  let connection: Connection;

  beforeAll(async () => {
    const url = new URL(storeUrl('CUSTOMERS_MONGODB_URL'));
    url.pathname = `/${uniqueName('proof')}`;
    connection = await mongoose.createConnection(url.toString(), { serverSelectionTimeoutMS: 5_000 }).asPromise();
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('builds a unique index and refuses a duplicate with code 11000', async () => {
    const customers = connection.model('ProofCustomer', proofCustomerSchema);
    await customers.syncIndexes();

    await customers.create({ email: 'ada@example.com', name: 'Ada' });
    await expect(customers.create({ email: 'ada@example.com', name: 'Ada again' })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await customers.countDocuments()).toBe(1);
  });

  it('applies a conditional single-document update keyed by event id once', async () => {
    const customers = connection.model('ProofCustomer', proofCustomerSchema);
    const { _id } = await customers.create({ email: 'grace@example.com', name: 'Grace' });

    const applyOnce = () =>
      customers.updateOne(
        { _id, appliedEvents: { $ne: 'event-1' } },
        { $inc: { orderCount: 1 }, $push: { appliedEvents: 'event-1' } },
      );
    expect((await applyOnce()).modifiedCount).toBe(1);
    expect((await applyOnce()).modifiedCount).toBe(0);

    const stored = await customers.findById(_id).lean().orFail();
    expect(stored.orderCount).toBe(1);
  });
});
