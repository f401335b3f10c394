import { createEvent, EventCatalog } from '@mesh/contract-kit';
import { CUSTOMER_STREAM, customerEvents, customerRegistered } from '@mesh/customers-contracts';
import { EventPublisher, StreamConsumer, streamKeys, trimStream } from '@mesh/messaging';
import { eventually } from '@mesh/messaging/testing';
import { ORDER_STREAM } from '@mesh/orders-contracts';
import type { Redis } from 'ioredis';

import { runCommand } from '../commands';
import { AclTestBus } from './acl-test-bus';
import { OPERATOR_USER } from './redis-access';

const customerKey = streamKeys.source(CUSTOMER_STREAM);
const orderKey = streamKeys.source(ORDER_STREAM);
const refused = /^NOPERM/;

/**
 * Consumer groups as the ACL leaves them: who may create, read with, acknowledge, claim, move
 * and destroy a group on which stream; and, in the last block, what Redis cannot refuse because
 * ACLs scope keys and not group names (tools/mesh-cli/README.md, "Residual risk").
 */
describe('consumer groups and connection commands under the generated ACL', () => {
  let bus: AclTestBus;
  let orders: Redis;
  let customers: Redis;
  let analytics: Redis;
  let operator: Redis;
  const users = (): Record<string, Redis> => ({ orders, customers, analytics, [OPERATOR_USER]: operator });

  beforeAll(async () => {
    bus = await AclTestBus.start();
    [orders, customers, analytics, operator] = ['orders', 'customers', 'analytics', OPERATOR_USER].map((user) =>
      bus.as(user),
    );
    // Every group of the mesh on the two shared streams, created by its own domain as its consumer does.
    for (const [client, key, group] of [
      [orders, customerKey, 'orders'],
      [analytics, customerKey, 'analytics'],
      [customers, orderKey, 'customers'],
      [analytics, orderKey, 'analytics'],
    ] as const) {
      await client.xgroup('CREATE', key, group, '0', 'MKSTREAM');
    }
  });

  afterAll(async () => {
    await bus?.close();
  });

  const groupsOf = async (stream: string) => {
    const lines: string[] = [];
    await runCommand(operator, ['groups', stream], (line) => lines.push(line));
    return lines;
  };

  describe('refuses', () => {
    it.each(['orders', 'customers', 'analytics', OPERATOR_USER])(
      'SELECT, ECHO, DISCARD and CLIENT GETNAME, INFO, PAUSE, NO-EVICT to %s',
      async (user) => {
        const client = users()[user];
        for (const [command, ...args] of [
          ['SELECT', '1'],
          ['SELECT', '0'],
          ['ECHO', 'x'],
          ['CLIENT', 'GETNAME'],
          ['CLIENT', 'INFO'],
          ['CLIENT', 'PAUSE', '1'],
          ['CLIENT', 'NO-EVICT', 'on'],
          ['DISCARD'],
        ]) {
          await expect(client.call(command, ...args)).rejects.toThrow(refused);
        }
      },
    );

    it('INFO, TIME, CLIENT ID and CLIENT UNBLOCK to the operator, which runs none of them', async () => {
      const commands = [['INFO'], ['INFO', 'server'], ['TIME'], ['CLIENT', 'ID'], ['CLIENT', 'UNBLOCK', '1']];
      for (const [command, ...args] of commands) {
        await expect(operator.call(command, ...args)).rejects.toThrow(refused);
      }
    });

    it('XGROUP DESTROY to orders and customers, even of their own group (only analytics removes groups)', async () => {
      await expect(orders.xgroup('DESTROY', customerKey, 'analytics')).rejects.toThrow(refused);
      await expect(orders.xgroup('DESTROY', customerKey, 'orders')).rejects.toThrow(refused);
      await expect(customers.xgroup('DESTROY', orderKey, 'analytics')).rejects.toThrow(refused);
      await expect(customers.xgroup('DESTROY', orderKey, 'customers')).rejects.toThrow(refused);
      const names = (await groupsOf(CUSTOMER_STREAM)).map((line) => line.split(':')[0]);
      expect(names.sort()).toEqual(['analytics', 'orders']);
      const onOrders = (await groupsOf(ORDER_STREAM)).map((line) => line.split(':')[0]);
      expect(onOrders.sort()).toEqual(['analytics', 'customers']);
    });

    it('XAUTOCLAIM and XGROUP CREATECONSUMER, which the platform never sends', async () => {
      for (const [client, key, group] of [
        [orders, customerKey, 'orders'],
        [customers, orderKey, 'customers'],
        [analytics, orderKey, 'analytics'],
      ] as const) {
        await expect(client.xautoclaim(key, group, 'thief', 0, '0')).rejects.toThrow(refused);
        await expect(client.call('XGROUP', 'CREATECONSUMER', key, group, 'ghost')).rejects.toThrow(refused);
      }
    });

    it("to a producer, any hold on its consumers' groups: no read, ack, claim or XGROUP on its stream", async () => {
      for (const [producer, key, group] of [
        [orders, orderKey, 'customers'],
        [customers, customerKey, 'analytics'],
      ] as const) {
        await expect(producer.xreadgroup('GROUP', group, 'p', 'STREAMS', key, '>')).rejects.toThrow(refused);
        await expect(producer.xack(key, group, '0-1')).rejects.toThrow(refused);
        await expect(producer.xclaim(key, group, 'p', 0, '0-1')).rejects.toThrow(refused);
        for (const args of [
          ['SETID', key, group, '$'],
          ['DELCONSUMER', key, group, 'x'],
          ['DESTROY', key, group],
          ['CREATE', key, 'extra', '$'],
        ]) {
          await expect(producer.call('XGROUP', ...args)).rejects.toThrow(refused);
        }
      }
    });

    it("any group command on another group's redrive stream, and on a stream the domain does not read", async () => {
      const redriveOfAnalytics = streamKeys.redrive(ORDER_STREAM, 'analytics');
      for (const args of [
        ['CREATE', redriveOfAnalytics, 'analytics', '0', 'MKSTREAM'],
        ['SETID', redriveOfAnalytics, 'analytics', '$'],
        ['DELCONSUMER', redriveOfAnalytics, 'analytics', 'x'],
        ['DESTROY', redriveOfAnalytics, 'analytics'],
      ]) {
        await expect(customers.call('XGROUP', ...args)).rejects.toThrow(refused);
      }
      await expect(customers.xack(redriveOfAnalytics, 'analytics', '0-1')).rejects.toThrow(refused);
      const sales = streamKeys.source('analytics.sales.v1');
      await expect(orders.call('XGROUP', 'SETID', sales, 'anyone', '$')).rejects.toThrow(refused);
      await expect(orders.call('XGROUP', 'DESTROY', sales, 'anyone')).rejects.toThrow(refused);
      await expect(analytics.call('XGROUP', 'SETID', sales, 'x', '$')).rejects.toThrow(refused);
    });

    it('every group command to the operator: it looks at groups, never changes one', async () => {
      for (const args of [
        ['CREATE', customerKey, 'operator', '$'],
        ['SETID', customerKey, 'orders', '$'],
        ['DELCONSUMER', customerKey, 'orders', 'x'],
        ['DESTROY', customerKey, 'orders'],
      ]) {
        await expect(operator.call('XGROUP', ...args)).rejects.toThrow(refused);
      }
      await expect(operator.xack(customerKey, 'orders', '0-1')).rejects.toThrow(refused);
      await expect(operator.xclaim(customerKey, 'orders', 'op', 0, '0-1')).rejects.toThrow(refused);
    });
  });

  describe('cannot refuse, because Redis ACLs scope keys and not group names (the residual risk)', () => {
    // XREADGROUP's reply for one stream, or null when nothing was delivered.
    const ids = (reply: unknown) =>
      ((reply as Array<[string, Array<[string]>]> | null)?.[0]?.[1] ?? []).map(([id]) => id);
    const readAs = (client: Redis, group: string, consumer: string, count: number) =>
      client.xreadgroup('GROUP', group, consumer, 'COUNT', count, 'STREAMS', customerKey, '>');

    it("lets orders, on customers' stream which it reads, read, claim, ack and move analytics' group", async () => {
      for (let n = 1; n <= 4; n += 1) await customers.xadd(customerKey, '*', 'id', `c-${n}`);
      const taken = ids(await readAs(analytics, 'analytics', 'analytics-1', 2));
      expect(taken).toHaveLength(2);

      // As the group: the next entry goes to a consumer of orders' choosing, the group's own never gets it.
      const stolen = ids(await readAs(orders, 'analytics', 'intruder', 1));
      expect(stolen).toHaveLength(1);
      expect(await groupsOf(CUSTOMER_STREAM)).toContain('analytics: lag 1, pending 3, consumers 2');
      const consumers = (await operator.xinfo('CONSUMERS', customerKey, 'analytics')) as unknown[][];
      expect(consumers.map((fields) => fields[1])).toEqual(['analytics-1', 'intruder']);

      // Claims what analytics' consumer holds, and acknowledges everything: never retried.
      expect(await orders.xclaim(customerKey, 'analytics', 'intruder', 0, ...taken, 'JUSTID')).toEqual(taken);
      expect(await orders.xack(customerKey, 'analytics', ...taken, ...stolen)).toBe(3);
      // Moves the group past the last entry: c-4 is skipped without a trace in the pending list.
      await orders.xgroup('SETID', customerKey, 'analytics', '$');
      // And removes its consumer from the group: the group's figures look like a healthy group's.
      expect(await orders.xgroup('DELCONSUMER', customerKey, 'analytics', 'intruder')).toBe(0);
      expect(await groupsOf(CUSTOMER_STREAM)).toContain('analytics: lag 0, pending 0, consumers 1');
      expect(ids(await readAs(analytics, 'analytics', 'analytics-1', 10))).toEqual([]);

      // What it still cannot do to that group: destroy it, or touch its dead letters and redrive stream.
      await expect(orders.xgroup('DESTROY', customerKey, 'analytics')).rejects.toThrow(refused);
      for (const key of [streamKeys.deadLetter, streamKeys.redrive].map((of) => of(CUSTOMER_STREAM, 'analytics'))) {
        await expect(orders.xadd(key, '*', 'a', 'b')).rejects.toThrow(refused);
        await expect(orders.del(key)).rejects.toThrow(refused);
      }
    });

    it("lets a domain create a group of any name on a stream it reads: it holds back the producer's trim", async () => {
      // orders' own group catches up, as its service would: now nothing holds the stream back.
      const own = ids(await readAs(orders, 'orders', 'orders-1', 10));
      expect(await orders.xack(customerKey, 'orders', ...own)).toBe(own.length);
      await orders.xgroup('CREATE', customerKey, 'stray', '0');
      expect(await groupsOf(CUSTOMER_STREAM)).toContain(`stray: lag ${own.length}, pending 0, consumers 0`);
      const policy = { windowMs: 0, capMs: 3_600_000 };
      expect(await trimStream(customers, CUSTOMER_STREAM, policy)).toMatchObject({ trimmed: 0, behind: [] });
      // orders cannot remove it again; it can move it to the end, and the producer trims.
      await expect(orders.xgroup('DESTROY', customerKey, 'stray')).rejects.toThrow(refused);
      await orders.xgroup('SETID', customerKey, 'stray', '$');
      expect(await trimStream(customers, CUSTOMER_STREAM, policy)).toMatchObject({ trimmed: own.length });
    });

    it("lets analytics, which removes its rebuild groups, destroy another domain's group on its inputs", async () => {
      expect(await analytics.xgroup('DESTROY', orderKey, 'customers')).toBe(1);
      expect((await groupsOf(ORDER_STREAM)).some((line) => line.startsWith('customers: '))).toBe(false);
      // The customers consumer would get NOGROUP and recreate the group from the start of the stream.
      await customers.xgroup('CREATE', orderKey, 'customers', '0');
    });

    it("lets a consumer cut another client's blocking read short with CLIENT UNBLOCK", async () => {
      const reader = bus.as('analytics');
      const id = Number(await reader.client('ID'));
      const started = Date.now();
      const read = reader.xreadgroup('GROUP', 'analytics', 'a-1', 'BLOCK', 10_000, 'STREAMS', orderKey, '>');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await orders.client('UNBLOCK', id)).toBe(1);
      expect(await read).toBeNull();
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });
});

describe('a consumer managing its own group under the generated ACL', () => {
  let bus: AclTestBus;

  beforeAll(async () => {
    bus = await AclTestBus.start();
  });

  afterAll(async () => {
    await bus?.close();
  });

  it('removes a crashed replica, settles what the producer trimmed, interrupts its read and leaves', async () => {
    const [orders, customers, operator] = ['orders', 'customers', OPERATOR_USER].map((user) => bus.as(user));
    const publisher = new EventPublisher(customers, new EventCatalog(customerEvents));
    const publish = (count: number) =>
      publisher.publishBatch(
        Array.from({ length: count }, (_, n) =>
          createEvent(customerRegistered, { subject: `customer-${n}`, data: customerRegistered.example }),
        ),
      );
    await orders.xgroup('CREATE', customerKey, 'orders', '$', 'MKSTREAM');
    // A replica read and acknowledged two entries, then crashed: its consumer stays, idle.
    const [first, second] = await publish(2);
    await orders.xreadgroup('GROUP', 'orders', 'crashed', 'COUNT', 2, 'STREAMS', customerKey, '>');
    await orders.xack(customerKey, 'orders', first.entryId, second.entryId);
    // The producer trims four entries (its cap) before the group reads them.
    await publish(4);
    const [newest] = await publish(1);
    await customers.xtrim(customerKey, 'MINID', newest.entryId);

    const seen = { handled: 0, lost: [] as number[], removed: [] as string[], problems: [] as string[] };
    const consumer = new StreamConsumer({
      redis: orders,
      group: 'orders',
      consumer: 'orders-2',
      streams: [CUSTOMER_STREAM],
      catalog: new EventCatalog(customerEvents),
      handles: () => true,
      handle: async () => void (seen.handled += 1),
      blockMs: 5_000,
      claimIntervalMs: 50,
      idleConsumerMs: 50,
      observer: {
        entriesLost: (_key, lost) => void seen.lost.push(lost),
        consumersRemoved: (_key, consumers) => void seen.removed.push(...consumers),
        problem: (message, error) => void seen.problems.push(`${message}: ${String(error)}`),
      },
    });
    await consumer.start();
    await eventually('lost entries settled', () => seen.lost.length > 0 && seen.removed.length > 0);
    const stopping = Date.now();
    await consumer.stop();

    // XGROUP DELCONSUMER (the crashed replica, then itself on leaving), WATCH and XGROUP SETID
    // (settleLostEntries), CLIENT UNBLOCK (stop did not wait out the 5 s BLOCK).
    expect(seen).toEqual({ handled: 1, lost: [4], removed: ['crashed'], problems: [] });
    expect(Date.now() - stopping).toBeLessThan(2_000);
    const lines: string[] = [];
    await runCommand(operator, ['groups', CUSTOMER_STREAM], (line) => lines.push(line));
    expect(lines).toEqual(['orders: lag 0, pending 0, consumers 0']);
  }, 30_000);
});
