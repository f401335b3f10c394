import { EventPublisher } from '@mesh/messaging';
import { createTestDatabase, redisUrl, type TestDatabase } from '@mesh/messaging/testing';
import { createServiceApp } from '@mesh/service';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';

import { AnalyticsModule } from '../src/app.module';
import { inputEventsConsumer } from '../src/ingest/input-events.consumer';
import { analyticsServiceOptions } from '../src/service-options';
import { TEST_AUTH_ENV } from './access-tokens';

/** Redis logical database of the analytics tests: theirs alone, flushed by each test file. */
export function analyticsTestRedisUrl(): string {
  const url = new URL(redisUrl());
  url.pathname = '/3';
  return url.toString();
}

export interface AnalyticsTestApp {
  app: NestFastifyApplication;
  database: TestDatabase;
  dataSource: DataSource;
  redis: Redis;
  /** Publishes to the input streams as the orders and customers domains would. */
  publisher: EventPublisher;
  /** Every JSON log line the app wrote. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** The production wiring on a throwaway database and the analytics tests' Redis database. */
export async function startAnalyticsApp(purpose: string, env: Record<string, string> = {}): Promise<AnalyticsTestApp> {
  const redis = new Redis(analyticsTestRedisUrl());
  await redis.flushdb();
  const database = await createTestDatabase(`analytics_${purpose}`);
  const logs: Array<Record<string, unknown>> = [];
  const app = await createServiceApp(AnalyticsModule, {
    ...analyticsServiceOptions,
    env: {
      ANALYTICS_DATABASE_URL: database.url,
      REDIS_URL: analyticsTestRedisUrl(),
      PORT: '0',
      ...TEST_AUTH_ENV,
      ...env,
    },
    logDestination: collectLines(logs),
  });
  return {
    app,
    database,
    dataSource: app.get(DataSource),
    redis,
    publisher: new EventPublisher(redis, inputEventsConsumer.catalog),
    logs,
    close: async () => {
      await app.close();
      await database.drop();
      await redis.quit();
    },
  };
}

function collectLines(lines: Array<Record<string, unknown>>): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
}
