import { EventCatalog } from '@mesh/contract-kit';
import { DataSource } from 'typeorm';

import { StreamConsumer } from '../consumer/stream-consumer';
import { TypeormInbox } from '../inbox-typeorm/typeorm-inbox';
import { tallyContract } from './tally-contract';
import { testRedis } from './test-redis';

/**
 * One consumer replica of the SIGKILL test, run as its own process (see ts-child-process.ts)
 * with DATABASE_URL, REDIS_URL, STREAM, GROUP and CONSUMER in its environment. Each event adds
 * one to its subject's count and its amount to the subject's sum, in the transaction of its
 * inbox record. SIGTERM stops it gracefully; it then prints {"applied":n,"skipped":n}.
 */
function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`inbox-tally-consumer: ${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const [stream, group] = [setting('STREAM'), setting('GROUP')];
  const dataSource = await new DataSource({
    type: 'postgres',
    url: setting('DATABASE_URL'),
    poolSize: 16,
  }).initialize();
  const redis = testRedis(); // REDIS_URL, or REDIS_CLUSTER_NODES in the cluster mode
  const inbox = new TypeormInbox(dataSource, group);
  const tally = { applied: 0, skipped: 0 };

  const consumer = new StreamConsumer({
    redis,
    group,
    consumer: setting('CONSUMER'),
    streams: [stream],
    catalog: new EventCatalog([tallyContract(stream)]),
    handles: () => true,
    startFrom: 'beginning',
    concurrency: 16,
    batchSize: 100,
    retryBaseMs: 200,
    claimIntervalMs: 100,
    blockMs: 500,
    handle: async (event) => {
      const { amount } = event.data as { amount: number };
      const applied = await inbox.runOnce(event, async (manager) => {
        await manager.query(
          `INSERT INTO tally (subject, count, sum) VALUES ($1, 1, $2)
           ON CONFLICT (subject) DO UPDATE SET count = tally.count + 1, sum = tally.sum + EXCLUDED.sum`,
          [event.subject, amount],
        );
      });
      if (applied) tally.applied += 1;
      else tally.skipped += 1;
    },
    observer: { problem: (message, error) => console.error(message, error) },
  });
  await consumer.start();

  process.once('SIGTERM', () => {
    consumer
      .stop()
      .then(async () => {
        process.stdout.write(`${JSON.stringify(tally)}\n`);
        await dataSource.destroy();
        await redis.quit();
      })
      .catch((error: unknown) => {
        console.error('inbox-tally-consumer: stopping failed', error);
        process.exitCode = 1;
      });
  });
}

main().catch((error: unknown) => {
  console.error('inbox-tally-consumer: failed to start', error);
  process.exit(1);
});
