import { createEvent, EventCatalog } from '@mesh/contract-kit';
import { customerEvents, customerRegistered } from '@mesh/customers-contracts';
import {
  EventPublisher,
  readGroups,
  redrive,
  StreamConsumer,
  streamKeys,
  trimByAge,
  trimStream,
} from '@mesh/messaging';
import { eventually } from '@mesh/messaging/testing';
import { ORDER_STREAM, orderEvents, orderPlaced } from '@mesh/orders-contracts';
import { Queue, QueueEvents, Worker } from 'bullmq';
import type { Redis } from 'ioredis';

import { runCommand } from '../commands';
import { AclTestBus } from './acl-test-bus';
import { ADMIN_USER } from './mesh-acl';
import { OPERATOR_USER } from './redis-access';

const CUSTOMER_STREAM = customerRegistered.stream;
const SALES_STREAM = 'analytics.sales.v1';
const refused = /^NOPERM/;

/** Commands no domain (nor the operator) may run: server admin, whole-keyspace and ACL commands. */
const adminCommands: string[][] = [
  ['CONFIG', 'GET', '*'],
  ['CONFIG', 'SET', 'maxmemory', '1'],
  ['FLUSHALL'],
  ['FLUSHDB'],
  ['KEYS', '*'],
  ['SCAN', '0'],
  ['ACL', 'LIST'],
  ['ACL', 'SETUSER', 'intruder', 'on', '>x', '+@all', '~*'],
  ['SHUTDOWN', 'NOSAVE'],
  ['CLIENT', 'LIST'],
  ['CLIENT', 'KILL', 'ID', '1'],
  ['SCRIPT', 'FLUSH'],
  ['SAVE'],
  ['BGREWRITEAOF'],
  ['REPLICAOF', 'NO', 'ONE'],
  ['MODULE', 'LIST'],
  ['SWAPDB', '0', '1'],
  ['PUBLISH', 'channel', 'x'],
];

describe('the Redis ACL generated from the manifests', () => {
  let bus: AclTestBus;
  let orders: Redis;
  let customers: Redis;
  let analytics: Redis;
  let operator: Redis;

  beforeAll(async () => {
    bus = await AclTestBus.start();
    [orders, customers, analytics, operator] = ['orders', 'customers', 'analytics', OPERATOR_USER].map((user) =>
      bus.as(user),
    );
  });

  afterAll(async () => {
    await bus?.close();
  });

  describe('lets each domain do what its manifest declares', () => {
    it('orders publishes; customers consumes it, dead-letters, redrives (with the operator) and acks; orders trims', async () => {
      const poisoned = new Set(['order-2', 'order-3']);
      const problems: string[] = [];
      const handled: string[] = [];
      const consumer = new StreamConsumer({
        redis: customers,
        group: 'customers',
        consumer: 'customers-1',
        streams: [ORDER_STREAM],
        catalog: new EventCatalog(orderEvents),
        handles: () => true,
        handle: async (event) => {
          if (poisoned.has(event.subject)) throw new Error(`poisoned ${event.subject}`);
          handled.push(event.subject);
        },
        maxDeliveries: 1,
        startFrom: 'beginning',
        blockMs: 100,
        claimIntervalMs: 100,
        // A NOPERM on XACK, XCLAIM or CLIENT UNBLOCK would only show here.
        observer: { problem: (message, error) => problems.push(`${message}: ${String(error)}`) },
      });
      await consumer.start();

      const publisher = new EventPublisher(orders, new EventCatalog(orderEvents));
      const events = [1, 2, 3, 4].map((n) =>
        createEvent(orderPlaced, { subject: `order-${n}`, data: orderPlaced.example }),
      );
      await publisher.publishBatch(events);
      expect(await orders.xlen(streamKeys.source(ORDER_STREAM))).toBe(4);

      const deadLetters = streamKeys.deadLetter(ORDER_STREAM, 'customers');
      await eventually('two dead letters', async () => (await customers.xlen(deadLetters)) === 2);
      expect(handled.sort()).toEqual(['order-1', 'order-4']);

      poisoned.clear();
      const lines: string[] = [];
      await runCommand(operator, ['dead-letters', ORDER_STREAM, 'customers'], (line) => lines.push(line));
      expect(lines.pop()).toBe('2 dead letter(s)');
      await runCommand(operator, ['redrive', ORDER_STREAM, 'customers', '1'], (line) => lines.push(line));
      expect(await redrive(customers, ORDER_STREAM, 'customers')).toEqual({ redriven: 1 });
      await eventually('redriven entries handled', () => handled.length === 4);
      expect(handled.sort()).toEqual(['order-1', 'order-2', 'order-3', 'order-4']);
      await consumer.stop();

      const [pending] = (await customers.xpending(streamKeys.source(ORDER_STREAM), 'customers')) as [number];
      expect(pending).toBe(0);
      expect(await customers.xlen(deadLetters)).toBe(0);
      expect(problems).toEqual([]);
      // Every group has acknowledged everything: the producer may trim every entry.
      expect(await trimStream(orders, ORDER_STREAM, { windowMs: 0, capMs: 0 })).toMatchObject({
        trimmed: 4,
        behind: [],
      });
      expect(await orders.xlen(streamKeys.source(ORDER_STREAM))).toBe(0);
      // The producer's trimmer counts what a group lost to the cap; the consumer reads its own count only.
      const lost = streamKeys.lost(ORDER_STREAM);
      expect(await orders.hincrby(lost, 'customers', 2)).toBe(2);
      expect(await orders.hgetall(lost)).toEqual({ customers: '2' });
      expect(await customers.hget(lost, 'customers')).toBe('2');
      await expect(customers.hincrby(lost, 'customers', -2)).rejects.toThrow(refused);
      await expect(customers.hget(streamKeys.lost(CUSTOMER_STREAM), 'orders')).rejects.toThrow(refused);
      // The consumer trims its own dead-letter stream.
      await customers.xadd(deadLetters, '*', 'reason', 'an old one');
      await new Promise((resolve) => setTimeout(resolve, 2));
      expect(await trimByAge(customers, deadLetters, 0)).toBe(1);
    }, 30_000);

    it('analytics replays both inputs with a rebuild group of its own and then removes it', async () => {
      await new EventPublisher(customers, new EventCatalog(customerEvents)).publish(
        createEvent(customerRegistered, { subject: 'customer-1', data: customerRegistered.example }),
      );
      const expected =
        (await analytics.xlen(streamKeys.source(ORDER_STREAM))) +
        (await analytics.xlen(streamKeys.source(CUSTOMER_STREAM)));
      const seen: string[] = [];
      const problems: string[] = [];
      const group = 'analytics-rebuild-1';
      const replay = new StreamConsumer({
        redis: analytics,
        group,
        consumer: `${group}-reader`,
        streams: [ORDER_STREAM, CUSTOMER_STREAM],
        catalog: new EventCatalog([...orderEvents, ...customerEvents]),
        handles: () => true,
        handle: async (event) => void seen.push(event.type),
        startFrom: 'beginning',
        blockMs: 100,
        observer: { problem: (message, error) => problems.push(`${message}: ${String(error)}`) },
      });
      await replay.start();
      await eventually('history replayed', () => seen.length === expected);
      await replay.stop();
      expect(seen).toContain('customers.customer.registered');
      expect(problems).toEqual([]);

      for (const stream of [ORDER_STREAM, CUSTOMER_STREAM]) {
        await analytics.xgroup('DESTROY', streamKeys.source(stream), group);
        await analytics.del(streamKeys.redrive(stream, group), streamKeys.deadLetter(stream, group));
        expect((await readGroups(analytics, streamKeys.source(stream))).map(({ name }) => name)).not.toContain(group);
      }
    }, 30_000);

    it('analytics runs BullMQ jobs and a job scheduler under its own prefix', async () => {
      const connection = { url: bus.urlAs('analytics') };
      const queue = new Queue('rebuild', { connection, prefix: 'analytics' });
      const worker = new Worker('rebuild', async (job) => ({ doubled: (job.data as { n: number }).n * 2 }), {
        connection,
        prefix: 'analytics',
      });
      const errors: Error[] = [];
      worker.on('error', (error) => errors.push(error));
      const queueEvents = new QueueEvents('rebuild', { connection, prefix: 'analytics' });
      const rollups = new Queue('rollup', { connection, prefix: 'analytics' });
      try {
        await queueEvents.waitUntilReady();
        const job = await queue.add('rebuild', { n: 21 });
        expect(await job.waitUntilFinished(queueEvents, 10_000)).toEqual({ doubled: 42 });
        expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 1, failed: 0 });
        // As the rollup scheduler does at start-up; with no worker on it, its first job waits.
        await rollups.upsertJobScheduler('rollup', { every: 3_600_000 }, { name: 'rollup', data: {} });
        expect(await rollups.getJobSchedulersCount()).toBe(1);
        expect(await rollups.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 1, delayed: 0 });
        expect(errors).toEqual([]);
      } finally {
        await worker.close();
        await queueEvents.close();
        await queue.close();
        await rollups.close();
      }
    }, 30_000);
  });

  describe("lets the catalog read the newest entries of the output streams, and nothing else", () => {
    it('reads with XREVRANGE and XRANGE (no consumer group) on every output stream', async () => {
      const catalog = await bus.asCatalog();
      const placed = createEvent(orderPlaced, { subject: 'order-sampled', data: orderPlaced.example });
      await new EventPublisher(orders, new EventCatalog(orderEvents)).publish(placed);
      const newest = await catalog.xrevrange(streamKeys.source(ORDER_STREAM), '+', '-', 'COUNT', 1);
      expect(newest[0][1]).toContain(placed.id);
      await expect(catalog.xrange(streamKeys.source(ORDER_STREAM), '-', '+', 'COUNT', 1)).resolves.toHaveLength(1);
      for (const stream of [CUSTOMER_STREAM, SALES_STREAM]) {
        await expect(catalog.xrevrange(streamKeys.source(stream), '+', '-', 'COUNT', 1)).resolves.toBeInstanceOf(Array);
      }
    });

    it('refuses it everything else: groups, writes, other keys, dead letters, key-less and admin commands', async () => {
      const catalog = await bus.asCatalog();
      const orderKey = streamKeys.source(ORDER_STREAM);
      await expect(catalog.xreadgroup('GROUP', 'customers', 'c', 'STREAMS', orderKey, '>')).rejects.toThrow(refused);
      await expect(catalog.xgroup('CREATE', orderKey, 'catalog', '0')).rejects.toThrow(refused);
      await expect(catalog.xadd(orderKey, '*', 'id', 'x')).rejects.toThrow(refused);
      await expect(catalog.xlen(orderKey)).rejects.toThrow(refused);
      await expect(catalog.xinfo('GROUPS', orderKey)).rejects.toThrow(refused);
      await expect(catalog.xrange(streamKeys.deadLetter(ORDER_STREAM, 'customers'), '-', '+')).rejects.toThrow(refused);
      await expect(catalog.xrange(streamKeys.redrive(ORDER_STREAM, 'customers'), '-', '+')).rejects.toThrow(refused);
      await expect(catalog.get('analytics:anything')).rejects.toThrow(refused);
      await expect(catalog.ping()).rejects.toThrow(refused);
      await expect(catalog.info()).rejects.toThrow(refused);
      for (const [command, ...args] of adminCommands) {
        await expect(catalog.call(command, ...args)).rejects.toThrow(refused);
      }
    });
  });

  describe('refuses what a domain did not declare', () => {
    it('refuses publishing into another domain stream, through the library and raw', async () => {
      const forged = createEvent(orderPlaced, { subject: 'order-forged', data: orderPlaced.example });
      await expect(new EventPublisher(customers, new EventCatalog(orderEvents)).publish(forged)).rejects.toThrow(
        /NOPERM/,
      );
      await expect(analytics.xadd(streamKeys.source(ORDER_STREAM), '*', 'id', 'x')).rejects.toThrow(refused);
      await expect(orders.xadd(streamKeys.source(CUSTOMER_STREAM), '*', 'id', 'x')).rejects.toThrow(refused);
      await expect(operator.xadd(streamKeys.source(ORDER_STREAM), '*', 'id', 'x')).rejects.toThrow(refused);
    });

    it('refuses reading a stream the domain does not declare as an input', async () => {
      // orders declares customers.customer.v1 only; customers does not consume its own stream.
      const sales = streamKeys.source(SALES_STREAM);
      await expect(orders.xreadgroup('GROUP', 'orders', 'o1', 'STREAMS', sales, '>')).rejects.toThrow(refused);
      await expect(orders.xgroup('CREATE', sales, 'orders', '0', 'MKSTREAM')).rejects.toThrow(refused);
      const ownStream = streamKeys.source(CUSTOMER_STREAM);
      await expect(customers.xreadgroup('GROUP', 'customers', 'c1', 'STREAMS', ownStream, '>')).rejects.toThrow(
        refused,
      );
      await expect(
        operator.xreadgroup('GROUP', 'customers', 'x', 'STREAMS', streamKeys.source(ORDER_STREAM), '>'),
      ).rejects.toThrow(refused);
    });

    it("refuses writing another group's dead letters or redrive stream, and another domain's keys", async () => {
      await expect(orders.xadd(streamKeys.deadLetter(ORDER_STREAM, 'customers'), '*', 'a', 'b')).rejects.toThrow(
        refused,
      );
      await expect(customers.xadd(streamKeys.redrive(ORDER_STREAM, 'analytics'), '*', 'a', 'b')).rejects.toThrow(
        refused,
      );
      await expect(customers.xadd(streamKeys.deadLetter(CUSTOMER_STREAM, 'orders'), '*', 'a', 'b')).rejects.toThrow(
        refused,
      );
      await expect(customers.set('analytics:rebuild:meta', 'x')).rejects.toThrow(refused);
      await expect(orders.set('anything', 'x')).rejects.toThrow(refused);
      await expect(orders.eval("return redis.call('SET', KEYS[1], 'x')", 1, 'analytics:x')).rejects.toThrow(refused);
      await expect(analytics.set('orders:x', 'x')).rejects.toThrow(refused);
    });

    it.each(['orders', 'customers', 'analytics', OPERATOR_USER])('refuses admin commands to %s', async (user) => {
      const client = { orders, customers, analytics, [OPERATOR_USER]: operator }[user] as Redis;
      for (const [command, ...args] of adminCommands) {
        await expect(client.call(command, ...args)).rejects.toThrow(refused);
      }
    });

    it('leaves DEBUG and ACL LOAD to the admin user (when its password was given)', async () => {
      const admin = bus.as(ADMIN_USER);
      // DEBUG is also disabled by Redis itself, so ask the ACL what it would decide.
      for (const user of ['orders', 'customers', 'analytics', OPERATOR_USER]) {
        await expect(admin.call('ACL', 'DRYRUN', user, 'DEBUG', 'SLEEP', '0')).resolves.toMatch(
          /no permissions to run the 'debug' command/,
        );
      }
      await expect(admin.call('ACL', 'LOAD')).resolves.toBe('OK');
      await expect(orders.call('ACL', 'LOAD')).rejects.toThrow(refused);
    });

    it('lets nobody in as the default user or with a wrong password', async () => {
      const anonymous = bus.anonymous();
      await expect(anonymous.ping()).rejects.toThrow(/^NOAUTH/);
      await expect(anonymous.auth('default', '')).rejects.toThrow(/^WRONGPASS/);
      await expect(anonymous.auth('orders', 'mesh-dev-orders')).rejects.toThrow(/^WRONGPASS/);
      expect(bus.aclText).not.toMatch(/ >/);
    });
  });
});
