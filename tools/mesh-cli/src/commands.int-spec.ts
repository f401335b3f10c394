import { createEvent, defineEvent, EventCatalog } from '@mesh/contract-kit';
import { EventPublisher, StreamConsumer, streamKeys } from '@mesh/messaging';
import { Redis } from 'ioredis';
import { z } from 'zod';

import { runCommand, UsageError } from './commands';

const stream = `cli.thing.v${process.pid}${Date.now().toString(36)}`;
const thingHappened = defineEvent({
  type: 'cli.thing.happened',
  version: 1,
  source: '/cli',
  stream,
  description: 'test event',
  schema: z.object({ n: z.int() }),
  example: { n: 1 },
});

describe('mesh CLI commands', () => {
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);

  afterAll(async () => {
    const keys = await redis.keys(`{${stream}}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('lists dead letters, redrives them to their group, and shows the groups', async () => {
    const catalog = new EventCatalog([thingHappened]);
    let fail = true;
    const handled: number[] = [];
    const consumer = new StreamConsumer({
      redis,
      group: 'cli-group',
      consumer: 'c1',
      streams: [stream],
      catalog,
      handles: () => true,
      handle: async (event) => {
        if (fail) throw new Error('not yet');
        handled.push((event.data as { n: number }).n);
      },
      maxDeliveries: 1,
      startFrom: 'beginning',
      blockMs: 100,
    });
    await consumer.start();
    await new EventPublisher(redis, catalog).publish(createEvent(thingHappened, { subject: 't', data: { n: 42 } }));
    while ((await redis.xlen(streamKeys.deadLetter(stream, 'cli-group'))) === 0) await new Promise((r) => setTimeout(r, 20));

    await runCommand(redis, ['dead-letters', stream, 'cli-group'], print);
    expect(lines.pop()).toBe('1 dead letter(s)');
    expect(lines.pop()).toMatch(/cli\.thing\.happened ×1: handler failed 1 times$/);

    fail = false;
    await runCommand(redis, ['redrive', stream, 'cli-group'], print);
    expect(lines.pop()).toBe(`redrove 1 dead letter(s) of cli-group on ${stream} to {${stream}}:redrive:cli-group`);
    while (handled.length === 0) await new Promise((r) => setTimeout(r, 20));
    expect(handled).toEqual([42]);
    // Acknowledgements are batched: wait for the redriven entry's.
    const pendingCount = async () => ((await redis.xpending(`{${stream}}:redrive:cli-group`, 'cli-group')) as [number])[0];
    while ((await pendingCount()) > 0) await new Promise((r) => setTimeout(r, 20));

    await runCommand(redis, ['groups', stream], print);
    expect(lines.pop()).toBe('cli-group: lag 0, pending 0, consumers 1');
    // A consumer that stops with nothing pending leaves its group.
    await consumer.stop();
    await runCommand(redis, ['groups', stream], print);
    expect(lines.pop()).toBe('cli-group: lag 0, pending 0, consumers 0');
  });

  it('explains its usage for an unknown command', async () => {
    await expect(runCommand(redis, ['explode'], print)).rejects.toThrow(UsageError);
  });
});
