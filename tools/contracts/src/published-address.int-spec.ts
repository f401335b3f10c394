import { createEvent, decodeStreamEntry, EventCatalog, type EventContract } from '@mesh/contract-kit';
import { EventPublisher } from '@mesh/messaging';
import { redisUrl } from '@mesh/messaging/testing';
import { ordersProduct } from '@mesh/orders-contracts';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The committed AsyncAPI document tells the truth about where the data is: a team in another
 * stack that knows nothing but the document reads the events the real publisher wrote, at the
 * address the document gives.
 */
const ASYNCAPI = join(__dirname, '../../../libs/orders/contracts/generated/asyncapi.yaml');

interface AsyncApiDocument {
  channels: Record<string, { address: string; title: string }>;
  operations: Record<string, { action: 'send' | 'receive'; channel: { $ref: string } }>;
}

/** The address of the channel the document's product publishes to (its one `send` operation). */
function publishedAddress(document: AsyncApiDocument): string {
  const sends = Object.values(document.operations).filter((operation) => operation.action === 'send');
  if (sends.length !== 1) throw new Error(`expected one send operation, found ${sends.length}`);
  const match = /^#\/channels\/(.+)$/.exec(sends[0].channel.$ref);
  if (!match) throw new Error(`unexpected channel reference ${sends[0].channel.$ref}`);
  const id = match[1].replace(/~1/g, '/').replace(/~0/g, '~');
  return document.channels[id].address;
}

/** A Redis logical database of this test's own (the domains' tests use 1 to 3), so no one else writes there. */
function ownDatabaseUrl(): string {
  const url = new URL(redisUrl());
  url.pathname = '/4';
  return url.toString();
}

describe('the published address of the orders stream', () => {
  const document = parse(readFileSync(ASYNCAPI, 'utf8')) as AsyncApiDocument;
  const address = publishedAddress(document);
  const redis = new Redis(ownDatabaseUrl());

  beforeEach(() => redis.del(address));
  afterAll(async () => {
    await redis.del(address);
    await redis.quit();
  });

  it('is the key where @mesh/messaging writes the events, not the bare stream name', async () => {
    expect(address).not.toBe('orders.order.v1');

    const publisher = new EventPublisher(redis, new EventCatalog(ordersProduct.events));
    const events = ordersProduct.events.flatMap((contract: EventContract) =>
      [1, 2].map((copy) =>
        createEvent(contract, { subject: `order-${copy}`, data: contract.example, correlationid: `address-test-${copy}` }),
      ),
    );
    const published = await publisher.publishBatch(events);

    const entries = (await redis.xrange(address, '-', '+')) as Array<[string, string[]]>;
    expect(entries.map(([entryId]) => entryId)).toEqual(published.map((result) => result.entryId));
    expect(entries.map(([, fields]) => decodeStreamEntry(fields))).toEqual(events);
    // What a consumer following the old document (address = stream name) found.
    expect(await redis.exists('orders.order.v1')).toBe(0);
  });
});
