import { createServer } from 'node:net';
import { Client } from 'pg';

import { isStoreUnavailable } from './store-unavailable';

/** A port on which nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('isStoreUnavailable', () => {
  it('recognises the PostgreSQL driver failing to connect (a real ECONNREFUSED)', async () => {
    const client = new Client({ host: '127.0.0.1', port: await closedPort(), connectionTimeoutMillis: 2_000 });
    const error = await client.connect().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it.each([
    ['a connection the server closed', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    [
      'PostgreSQL shutting down (57P01), inside a QueryFailedError',
      { name: 'QueryFailedError', driverError: { code: '57P01' } },
    ],
    ['PostgreSQL starting up (57P03)', { code: '57P03' }],
    ['a connection exception (class 08)', { code: '08006' }],
    ['MongoDB out of reach', { name: 'MongoServerSelectionError', message: 'connect ECONNREFUSED' }],
    [
      'a statement past statement_timeout (57014), inside a QueryFailedError',
      { name: 'QueryFailedError', driverError: { code: '57014' } },
    ],
    ['a MongoDB operation past its maxTimeMS (50)', { name: 'MongoServerError', code: 50 }],
    ['no free MongoDB connection in time', { name: 'MongoWaitQueueTimeoutError' }],
    [
      'a cause two levels down',
      new Error('applying failed', { cause: new Error('x', { cause: { code: 'ECONNRESET' } }) }),
    ],
  ])('recognises %s', (_what, error) => {
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("cannot read properties of undefined (reading 'id')")],
    ['a constraint violation (23505)', { name: 'QueryFailedError', driverError: { code: '23505' } }],
    ['a MongoDB duplicate key', { name: 'MongoServerError', code: 11000 }],
    ['a string', 'ECONNREFUSED'],
  ])('leaves %s to the generic 500', (_what, error) => {
    expect(isStoreUnavailable(error)).toBe(false);
  });
});
