import { analyticsProduct } from '@mesh/analytics-contracts';
import { customersProduct } from '@mesh/customers-contracts';
import { ordersProduct } from '@mesh/orders-contracts';

import { CATALOG_USER, catalogAccess, domainAccess, OPERATOR_USER, operatorAccess } from './redis-access';

const keysFor = (access: ReturnType<typeof domainAccess>, command: string) =>
  access.selectors.filter((selector) => selector.commands.includes(command)).flatMap((selector) => selector.keys);

describe('domainAccess', () => {
  const orders = domainAccess(ordersProduct.manifest);

  it('is the domain name', () => {
    expect(orders.user).toBe('orders');
  });

  it('publishes (XADD) to its own output streams and its own dead-letter and redrive streams only', () => {
    expect(keysFor(orders, 'xadd')).toEqual([
      '{orders.order.v1}',
      '{customers.customer.v1}:dead-letter:orders',
      '{customers.customer.v1}:dead-letter:orders-*',
      '{customers.customer.v1}:redrive:orders',
      '{customers.customer.v1}:redrive:orders-*',
    ]);
  });

  it('reads with a group (XREADGROUP) only its declared inputs and its own redrive streams', () => {
    expect(keysFor(orders, 'xreadgroup')).toEqual([
      '{customers.customer.v1}',
      '{customers.customer.v1}:redrive:orders',
      '{customers.customer.v1}:redrive:orders-*',
    ]);
  });

  it('trims its output streams and its own dead-letter and redrive streams, never an input stream', () => {
    expect(keysFor(orders, 'xtrim')).toEqual([
      '{orders.order.v1}',
      '{customers.customer.v1}:dead-letter:orders',
      '{customers.customer.v1}:dead-letter:orders-*',
      '{customers.customer.v1}:redrive:orders',
      '{customers.customer.v1}:redrive:orders-*',
    ]);
  });

  it('gives its redisKeyPrefixes the job-queue commands, and no one else any key outside the mesh streams', () => {
    const analytics = domainAccess(analyticsProduct.manifest);
    expect(keysFor(analytics, 'evalsha')).toEqual(['analytics:*', '{analytics}:*']);
    expect(keysFor(analytics, 'xreadgroup')).toEqual(
      expect.arrayContaining(['{orders.order.v1}', '{customers.customer.v1}', '{orders.order.v1}:redrive:analytics-*']),
    );
    for (const access of [orders, domainAccess(customersProduct.manifest)]) {
      expect(access.selectors.flatMap((selector) => selector.keys).every((key) => key.startsWith('{'))).toBe(true);
    }
  });

  it('has no consumer selectors for a product without inputs', () => {
    const producer = domainAccess({ ...ordersProduct.manifest, inputPorts: [] });
    expect(producer.selectors.map((selector) => selector.purpose)).toEqual([
      'publish to, trim and inspect its output streams',
      "count the entries groups lost to its streams' caps",
    ]);
    // No blocking reader to interrupt.
    expect(producer.commands).not.toContain('client|unblock');
    expect(producer.commands).not.toContain('client|id');
  });

  it('grants the key-less commands its clients send, and neither SELECT nor ECHO, CLIENT GETNAME or DISCARD', () => {
    const cluster = ['cluster|slots', 'cluster|info', 'readonly', 'asking'];
    expect([...orders.commands].sort()).toEqual(
      ['ping', 'quit', 'info', 'time', 'client|setname', 'multi', 'exec', 'client|id', 'client|unblock', 'wait', ...cluster].sort(),
    );
  });

  it('lets a cluster client discover the slots, and no other CLUSTER subcommand; lets the relay WAIT for a replica', () => {
    const producer = domainAccess({ ...ordersProduct.manifest, inputPorts: [] });
    for (const access of [orders, producer]) {
      expect(access.commands.filter((command) => command.startsWith('cluster'))).toEqual(['cluster|slots', 'cluster|info']);
      expect(access.commands).toEqual(expect.arrayContaining(['readonly', 'asking', 'wait']));
    }
  });

  it('leaves XGROUP DESTROY to a domain that removes purpose groups of its own, on its input streams only', () => {
    expect(keysFor(orders, 'xgroup|destroy')).toEqual([]);
    expect(keysFor(domainAccess(customersProduct.manifest), 'xgroup|destroy')).toEqual([]);
    expect(keysFor(domainAccess(analyticsProduct.manifest), 'xgroup|destroy')).toEqual([
      '{orders.order.v1}',
      '{customers.customer.v1}',
    ]);
    expect(keysFor(domainAccess(ordersProduct.manifest, { removesPurposeGroups: true }), 'xgroup|destroy')).toEqual([
      '{customers.customer.v1}',
    ]);
  });

  it('grants on no key a command the platform never sends (XAUTOCLAIM, XGROUP CREATECONSUMER)', () => {
    for (const manifest of [ordersProduct.manifest, customersProduct.manifest, analyticsProduct.manifest]) {
      const access = domainAccess(manifest);
      expect(keysFor(access, 'xautoclaim')).toEqual([]);
      expect(keysFor(access, 'xgroup|createconsumer')).toEqual([]);
    }
  });
});

describe('operatorAccess', () => {
  const operator = operatorAccess([ordersProduct.manifest, customersProduct.manifest, analyticsProduct.manifest]);

  it('inspects every stream, lists dead letters and redrives, but never publishes or consumes', () => {
    expect(operator.user).toBe(OPERATOR_USER);
    expect(keysFor(operator, 'xinfo')).toContain('{analytics.sales.v1}');
    expect(keysFor(operator, 'xadd')).toEqual([
      '{orders.order.v1}:redrive:*',
      '{customers.customer.v1}:redrive:*',
      '{analytics.sales.v1}:redrive:*',
    ]);
    expect(keysFor(operator, 'xdel')).toEqual([
      '{orders.order.v1}:dead-letter:*',
      '{customers.customer.v1}:dead-letter:*',
      '{analytics.sales.v1}:dead-letter:*',
    ]);
    expect(keysFor(operator, 'xreadgroup')).toEqual([]);
  });

  it('manages no group and sends no server command: the CLI runs without the ready check (INFO)', () => {
    expect([...operator.commands].sort()).toEqual(
      ['asking', 'cluster|info', 'cluster|slots', 'exec', 'multi', 'ping', 'quit', 'readonly'],
    );
    expect(operator.selectors.flatMap((selector) => selector.commands).filter((c) => c.startsWith('xgroup'))).toEqual(
      [],
    );
  });
});

describe('catalogAccess', () => {
  const catalog = catalogAccess([ordersProduct.manifest, customersProduct.manifest, analyticsProduct.manifest]);

  it('reads (XREVRANGE, XRANGE) every output stream and nothing else: no dead letters, no group, no key-less command', () => {
    expect(catalog.user).toBe(CATALOG_USER);
    expect(catalog.commands).toEqual([]);
    expect(catalog.selectors.map(({ keys, commands }) => ({ keys, commands }))).toEqual([
      { keys: ['{orders.order.v1}', '{customers.customer.v1}', '{analytics.sales.v1}'], commands: ['xrevrange', 'xrange'] },
    ]);
  });
});
