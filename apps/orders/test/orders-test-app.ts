import { type EventEnvelope } from '@mesh/contract-kit';
import { createTestDatabase, eventsOnStream, KillableRedisServer, type TestDatabase } from '@mesh/messaging/testing';
import { ORDER_STREAM, type OrderResponse } from '@mesh/orders-contracts';
import { createServiceApp } from '@mesh/service';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';

import { OrdersModule } from '../src/app.module';
import { ordersServiceOptions } from '../src/service-options';
import { authorized, TEST_AUTH_ENV } from './access-tokens';

/**
 * The orders service exactly as main.ts wires it, on a throwaway database and a redis-server of
 * its own, so that test files running side by side never share a stream or a consumer group.
 */
export class OrdersTestApp {
  /** Warnings and errors the app logged, one JSON line each. */
  readonly logs: string[] = [];
  private client: Redis | undefined;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly database: TestDatabase,
    readonly redisServer: KillableRedisServer,
  ) {}

  /** `env` adds to or overrides the test's variables (e.g. a low RATE_LIMIT_MAX). */
  static async start(purpose: string, env: Record<string, string> = {}): Promise<OrdersTestApp> {
    const database = await createTestDatabase(`orders_${purpose}`);
    const redisServer = await KillableRedisServer.start();
    const logDestination = new PassThrough();
    const app = await createServiceApp(OrdersModule, {
      ...ordersServiceOptions,
      env: {
        ORDERS_DATABASE_URL: database.url,
        REDIS_URL: redisServer.url,
        LOG_LEVEL: 'warn',
        ...TEST_AUTH_ENV,
        ...env,
      },
      logDestination,
    });
    const testApp = new OrdersTestApp(app, database, redisServer);
    logDestination.on('data', (chunk: Buffer) => testApp.logs.push(...chunk.toString().trim().split('\n')));
    return testApp;
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  /** A client of the test's Redis that waits out an outage instead of failing commands. */
  get redis(): Redis {
    if (!this.client) {
      this.client = new Redis(this.redisServer.url, { maxRetriesPerRequest: null });
      this.client.on('error', () => undefined);
    }
    return this.client;
  }

  /** Every event on `orders.order.v1`, in stream order. */
  orderEvents(): Promise<EventEnvelope[]> {
    return eventsOnStream(this.redis, ORDER_STREAM);
  }

  /** POST /orders with a token of both orders scopes (headers given win). */
  async placeOrder(body: object, headers: Record<string, string> = {}) {
    return this.app.inject({ method: 'POST', url: '/orders', payload: body, headers: { ...authorized(), ...headers } });
  }

  /** Places a valid order and returns it, failing the test on any other answer. */
  async placedOrder(
    customerId: string,
    items = [{ sku: 'BOOK-1', quantity: 2, unitPrice: 1250 }],
  ): Promise<OrderResponse> {
    const response = await this.placeOrder({ customerId, currency: 'EUR', items });
    if (response.statusCode !== 201)
      throw new Error(`placing an order answered ${response.statusCode}: ${response.body}`);
    return response.json<OrderResponse>();
  }

  async close(): Promise<void> {
    await this.app?.close();
    await this.client?.quit().catch(() => this.client?.disconnect());
    await this.redisServer?.kill();
    await this.database?.drop();
  }
}
