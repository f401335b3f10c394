import type { CustomerResponse } from '@mesh/customers-contracts';
import { mongoUrl, redisUrl, testDatabaseName } from '@mesh/messaging/testing';
import { createServiceApp } from '@mesh/service';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';

import { CustomersAppModule } from '../src/app.module';
import { customersServiceOptions } from '../src/service-options';
import { authorized, TEST_AUTH_ENV } from './access-tokens';

/** The Redis database of the customers tests (the orders tests have 1): flushed by each test file. */
export function testRedisUrl(): string {
  const url = new URL(redisUrl());
  url.pathname = '/2';
  return url.toString();
}

/** Empties the customers tests' Redis database, so that a file sees only the entries it causes. */
export async function emptyTestRedis(): Promise<Redis> {
  const redis = new Redis(testRedisUrl());
  await redis.flushdb();
  return redis;
}

export interface CustomersTestApp {
  app: NestFastifyApplication;
  /** Every JSON log line the app wrote, parsed. */
  logs: Array<{ level: string; msg: string }>;
  /** Closes the app and drops its database. */
  close(): Promise<void>;
}

/** The customers service as `runService` wires it, on a database of its own, driven with `app.inject()`. */
export async function startCustomersApp(env: Record<string, string> = {}): Promise<CustomersTestApp> {
  const database = new URL(mongoUrl());
  database.pathname = `/${testDatabaseName('customers')}`;
  const logs: CustomersTestApp['logs'] = [];
  const app = await createServiceApp(CustomersAppModule, {
    ...customersServiceOptions,
    env: {
      CUSTOMERS_MONGODB_URL: database.toString(),
      REDIS_URL: testRedisUrl(),
      LOG_LEVEL: 'warn',
      ...TEST_AUTH_ENV,
      ...env,
    },
    logDestination: { write: (line: string) => void logs.push(JSON.parse(line)) },
  });
  const close = async () => {
    await app.close();
    // Dropped after the relay has stopped, which would otherwise renew its lease into it again.
    const connection = await mongoose.createConnection(database.toString()).asPromise();
    await connection.dropDatabase();
    await connection.close();
  };
  return { app, logs, close };
}

export interface CustomersTestContext {
  service: CustomersTestApp;
  /** A client of the tests' Redis database, emptied before the app started. */
  redis: Redis;
}

/**
 * Starts the app before the file's tests (on an empty Redis database 2 and a database of its
 * own) and closes it after them. The fields of the returned context are set once `beforeAll` ran.
 */
export function customersAppForThisFile(env: Record<string, string> = {}): CustomersTestContext {
  const context = {} as CustomersTestContext;
  beforeAll(async () => {
    context.redis = await emptyTestRedis();
    context.service = await startCustomersApp(env);
  });
  afterAll(async () => {
    await context.service?.close();
    context.redis?.disconnect();
  });
  return context;
}

/** Registers a customer through the API; `overrides` change the generated details. */
export async function registerCustomer(
  app: NestFastifyApplication,
  overrides: Partial<{ name: string; email: string; country: string; marketingConsent: boolean }> = {},
): Promise<CustomerResponse> {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const payload = {
    name: 'Ada Lovelace',
    email: `ada.${unique}@example.com`,
    country: 'GB',
    marketingConsent: true,
    ...overrides,
  };
  const response = await app.inject({ method: 'POST', url: '/customers', payload, headers: authorized() });
  if (response.statusCode !== 201) throw new Error(`registering failed: ${response.statusCode} ${response.body}`);
  return response.json<CustomerResponse>();
}
