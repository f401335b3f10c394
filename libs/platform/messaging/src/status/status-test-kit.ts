import { createEvent, type DataProductManifest, encodeStreamEntry, type EventContract } from '@mesh/contract-kit';
import {
  checkServiceLevels,
  type DataProductStatusProbe,
  type MeasuredFigures,
  type ProviderToken,
} from '@mesh/service';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import type { StreamConsumer } from '../consumer/stream-consumer';
import { streamKeys } from '../streams/stream-keys';
import { KillableRedisServer } from '../testing/killable-redis-server';
import { createTestDatabase, openDataSource, type TestDatabase } from '../testing/test-database';
import { typeormDataProductStatus } from './typeorm-data-product-status';

/** What the status specs share, set up before all their tests. */
export interface StatusTestKit {
  redisServer: KillableRedisServer;
  redis: Redis;
  dataSource: DataSource;
  /** Probes and consumers a test opened: closed and stopped after it. */
  probes: DataProductStatusProbe[];
  consumers: StreamConsumer[];
  /** The TypeORM source, set up as ServiceModule would, on the kit's Redis (or `redisUrl`). */
  typeormProbe(redisUrl?: string, partTimeoutMs?: number): Promise<DataProductStatusProbe>;
  contextWith(providers: Map<ProviderToken<unknown>, unknown>): ReturnType<typeof contextWith>;
  checkNamed(manifest: DataProductManifest, figures: MeasuredFigures, name: string): ReturnType<typeof checkNamed>;
  /** Adds entries stamped `agoMs` in the past (explicit ids), in order, on an empty stream. */
  addOldEntries(contract: EventContract<{ itemId: string; amount: number }>, agoMs: number[]): Promise<number>;
}

/**
 * A Redis server of the specs' own (so that one can kill it) and a migrated PostgreSQL database.
 * Call once at the top of a spec file: it registers the hooks that set them up and tear them down.
 */
export function statusTestKit(): StatusTestKit {
  let database: TestDatabase | undefined;
  const kit = {
    probes: [] as DataProductStatusProbe[],
    consumers: [] as StreamConsumer[],
    typeormProbe: async (redisUrl?: string, partTimeoutMs?: number) => {
      const url = redisUrl ?? kit.redisServer.url;
      const source = typeormDataProductStatus({ redis: () => url, partTimeoutMs });
      const probe = await source.setup(contextWith(new Map([[DataSource, kit.dataSource]])));
      kit.probes.push(probe);
      return probe;
    },
    contextWith,
    checkNamed,
    addOldEntries: async (contract: EventContract<{ itemId: string; amount: number }>, agoMs: number[]) => {
      const base = Date.now();
      for (const [index, ago] of agoMs.entries()) {
        const data = { itemId: `old-${index}`, amount: index };
        const event = createEvent(contract, { subject: `old-${index}`, data });
        await kit.redis.xadd(streamKeys.source(contract.stream), `${base - ago}-${index}`, ...encodeStreamEntry(event));
      }
      return base;
    },
  } as StatusTestKit;

  beforeAll(async () => {
    kit.redisServer = await KillableRedisServer.start();
    // Waits out the outage test's kill instead of failing its commands.
    kit.redis = new Redis(kit.redisServer.url, { maxRetriesPerRequest: null });
    kit.redis.on('error', () => undefined);
    database = await createTestDatabase('status');
    kit.dataSource = await openDataSource(database.url);
    await kit.dataSource.runMigrations();
  });

  afterEach(async () => {
    await Promise.all(kit.consumers.splice(0).map((consumer) => consumer.stop()));
    await Promise.all(kit.probes.splice(0).map((probe) => probe.close?.()));
  });

  afterAll(async () => {
    kit.redis?.disconnect();
    await kit.redisServer?.kill();
    await kit.dataSource?.destroy();
    await database?.drop();
  });

  return kit;
}

function contextWith(providers: Map<ProviderToken<unknown>, unknown>) {
  return {
    get: <T>(token: ProviderToken<T>) => {
      if (!providers.has(token)) throw new Error(`no provider ${String(token)}`);
      return providers.get(token) as T;
    },
    config: () => {
      throw new Error('the tests pass the Redis URL');
    },
  };
}

function checkNamed(manifest: DataProductManifest, figures: MeasuredFigures, name: string) {
  return checkServiceLevels(manifest, figures).find((check) => check.name === name);
}
