import { documentOf, inputStatus, products } from '../../test/product-documents';
import type { CatalogDocument } from '../products/data-product-document.schema';
import { buildLineage } from './build-lineage';

const asRead = (document: ReturnType<typeof documentOf>) => document as CatalogDocument;

describe('buildLineage', () => {
  const orders = asRead(
    documentOf(products.orders, {
      outputs: [
        {
          stream: 'orders.order.v1',
          length: 12,
          groups: [
            { name: 'customers', lag: 2, pending: 1, consumers: 1, lostToCap: 0 },
            { name: 'analytics', lag: 0, pending: 0, consumers: 2, lostToCap: 0 },
            { name: 'audit-tap', lag: 12, pending: 0, consumers: 0, lostToCap: 4 },
          ],
        },
      ],
      inputs: [inputStatus('customers.customer.v1', 'orders', { lag: 3, pending: 1, behindSeconds: 9 })],
      serviceLevels: [
        { name: 'consumer-lag:customers.customer.v1', objective: '≤ 1000', measured: '3', kept: true },
        { name: 'dead-letters:customers.customer.v1', objective: '0', measured: '0', kept: true },
      ],
    }),
  );
  const customers = asRead(
    documentOf(products.customers, {
      inputs: [inputStatus('orders.order.v1', 'customers', { lag: 2, pending: 1, deadLetters: 4 })],
      serviceLevels: [
        { name: 'consumer-lag:orders.order.v1', objective: '≤ 1000', measured: '2', kept: true },
        { name: 'dead-letters:orders.order.v1', objective: '0', measured: '4', kept: false },
      ],
    }),
  );
  const analytics = asRead(documentOf(products.analytics));

  it('draws an edge per input port, producer to consumer, with the stream and group', () => {
    const lineage = buildLineage([orders, customers, analytics]);
    expect(lineage.nodes.map((node) => [node.id, node.state, node.ownerTeam])).toEqual([
      ['orders', 'listed', 'order-management'],
      ['customers', 'listed', 'customer-care'],
      ['analytics', 'listed', 'insights'],
    ]);
    expect(lineage.edges.map((edge) => `${edge.from}→${edge.to} ${edge.stream}/${edge.group}`)).toEqual([
      'customers→orders customers.customer.v1/orders',
      'orders→customers orders.order.v1/customers',
      'orders→analytics orders.order.v1/analytics',
      'customers→analytics customers.customer.v1/analytics',
    ]);
  });

  it("carries the consumer's own figures and its service levels for that stream", () => {
    const { edges } = buildLineage([orders, customers, analytics]);
    const toCustomers = edges.find((edge) => edge.to === 'customers');
    expect(toCustomers).toMatchObject({ lag: 2, pending: 1, deadLetters: 4, health: 'broken' });
    expect(edges.find((edge) => edge.to === 'orders')).toMatchObject({
      lag: 3,
      pending: 1,
      deadLetters: 0,
      behindSeconds: 9,
      health: 'kept',
    });
    // analytics measured no service level about its inputs
    expect(edges.filter((edge) => edge.to === 'analytics').map((edge) => edge.health)).toEqual(['unknown', 'unknown']);
  });

  it('lists per output stream its declared consumers and the groups only Redis knows', () => {
    const { streams } = buildLineage([orders, customers, analytics]);
    expect(streams.map((stream) => `${stream.producer}:${stream.stream}`)).toEqual([
      'orders:orders.order.v1',
      'customers:customers.customer.v1',
      'analytics:analytics.sales.v1',
    ]);
    expect(streams[0].consumers).toEqual([
      {
        group: 'analytics',
        domain: 'analytics',
        declared: true,
        measured: true,
        lag: 0,
        pending: 0,
        consumers: 2,
        lostToCap: 0,
      },
      {
        group: 'audit-tap',
        domain: null,
        declared: false,
        measured: true,
        lag: 12,
        pending: 0,
        consumers: 0,
        lostToCap: 4,
      },
      {
        group: 'customers',
        domain: 'customers',
        declared: true,
        measured: true,
        lag: 2,
        pending: 1,
        consumers: 1,
        lostToCap: 0,
      },
    ]);
    // declared by orders and analytics, but the customers stream has measured no group yet
    expect(streams[1].consumers.map((consumer) => [consumer.domain, consumer.measured, consumer.lag])).toEqual([
      ['analytics', false, null],
      ['orders', false, null],
    ]);
    expect(streams[2].consumers).toEqual([]);
  });

  it('keeps a producer without a readable document in the graph, marked not-listed', () => {
    const lineage = buildLineage([customers, analytics]);
    expect(lineage.nodes.find((node) => node.id === 'orders')).toEqual({
      id: 'orders',
      title: 'orders',
      ownerTeam: null,
      state: 'not-listed',
    });
    expect(lineage.edges.filter((edge) => edge.from === 'orders').map((edge) => edge.to)).toEqual([
      'customers',
      'analytics',
    ]);
    expect(lineage.streams.map((stream) => stream.stream)).not.toContain('orders.order.v1');
  });

  it('shows a domain served twice (two replicas configured) once', () => {
    const lineage = buildLineage([orders, orders]);
    expect(lineage.nodes.map((node) => node.id)).toEqual(['orders', 'customers']);
    expect(lineage.edges).toHaveLength(1);
    expect(lineage.streams).toHaveLength(1);
  });

  it('is empty when no document could be read', () => {
    expect(buildLineage([])).toEqual({ nodes: [], edges: [], streams: [] });
  });
});
