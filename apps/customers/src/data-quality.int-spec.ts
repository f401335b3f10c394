import { createEvent, type DataProductDocument, encodeStreamEntry, type QualityRuleResult } from '@mesh/contract-kit';
import { CUSTOMER_STREAM, customerRegistered } from '@mesh/customers-contracts';
import { streamKeys } from '@mesh/messaging';
import { eventually, KillableRedisServer } from '@mesh/messaging/testing';
import { Redis } from 'ioredis';
import { v7 as uuidv7 } from 'uuid';

import { type CustomersTestApp, startCustomersApp } from '../test/customers-app';
import { RegisterCustomerService } from './register-customer/register-customer.service';

jest.setTimeout(90_000);

let server: KillableRedisServer;
let redis: Redis;
let service: CustomersTestApp;

beforeAll(async () => {
  server = await KillableRedisServer.start();
  redis = new Redis(server.url, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  // Every request checks the rules again, so that the test sees an entry as soon as it is on the stream.
  service = await startCustomersApp({ REDIS_URL: server.url, DATA_QUALITY_MAX_AGE_MS: '0' });
});

afterAll(async () => {
  await service?.close();
  redis?.disconnect();
  await server?.kill();
});

async function dataProduct(): Promise<DataProductDocument> {
  const response = await service.app.inject({ method: 'GET', url: '/.well-known/data-product' });
  expect(response.statusCode).toBe(200);
  return response.json<DataProductDocument>();
}

const rule = (document: DataProductDocument, id: string): QualityRuleResult | undefined =>
  document.status.quality?.rules.find((result) => result.id === id);

describe('the customers data-quality rules on live data', () => {
  it('keeps every rule on customers registered through the service and on their events', async () => {
    for (const index of [1, 2]) {
      await service.app.get(RegisterCustomerService).register({
        name: `Grace ${index}`,
        email: `grace.quality.${index}.${Date.now().toString(36)}@example.com`,
        country: 'US',
        marketingConsent: false,
      });
    }
    const key = streamKeys.source(CUSTOMER_STREAM);
    await eventually('two registrations on the stream', async () => (await redis.xlen(key)) === 2, 30_000);

    const document = await dataProduct();
    expect(document.status.quality?.rules.filter((result) => !result.kept)).toEqual([]);
    expect(rule(document, 'registered-at-revision-1')).toMatchObject({ target: 'customers.customer.registered', sampled: 2 });
    expect(rule(document, 'customer-statistics-not-negative')).toMatchObject({ target: 'api:customer', sampled: 2, kept: true });
  });

  it('breaks a rule, in the document and as a service level, on a registration published at revision 2', async () => {
    const customerId = uuidv7();
    const registration = createEvent(customerRegistered, {
      subject: customerId,
      data: {
        customerId,
        revision: 2,
        name: 'Ada Lovelace',
        email: 'ada.quality@example.com',
        country: 'GB',
        marketingConsent: true,
        registeredAt: new Date().toISOString(),
      },
    });
    // Straight onto the stream, past the service's own checks, as a faulty producer would.
    await redis.xadd(streamKeys.source(CUSTOMER_STREAM), '*', ...encodeStreamEntry(registration));

    const response = await service.app.inject({ method: 'GET', url: '/.well-known/data-product' });
    const document = response.json<DataProductDocument>();
    expect(rule(document, 'registered-at-revision-1')).toMatchObject({ sampled: 3, failed: 1, failing: [registration.id], kept: false });
    expect(document.status.serviceLevels.find((level) => level.name === 'quality:registered-at-revision-1')?.kept).toBe(false);
    expect(rule(document, 'customer-event-ids-unique')?.kept).toBe(true);
    // The failing entry is named by its event id; none of its personal data is shown.
    expect(response.body).not.toContain('ada.quality@example.com');
  });
});
