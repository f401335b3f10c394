import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { startCatalogApp } from '../test/catalog-test-app';
import { closedPortUrl, FakeUpstream } from '../test/fake-upstream';
import { documentOf, products } from '../test/product-documents';
import type { Lineage } from './lineage/lineage';
import type { CatalogSnapshot } from './products/product-catalog.service';

let app: NestFastifyApplication;
let orders: FakeUpstream;
let customers: FakeUpstream;
let broken: FakeUpstream;
let missing: string;

beforeAll(async () => {
  orders = await FakeUpstream.serving(
    documentOf(products.orders, {
      outputs: [
        {
          stream: 'orders.order.v1',
          length: 7,
          groups: [{ name: 'customers', lag: 1, pending: 0, consumers: 1, lostToCap: 0 }],
        },
      ],
    }),
  );
  customers = await FakeUpstream.serving(documentOf(products.customers));
  broken = await FakeUpstream.start((_request, response) => response.writeHead(500).end('boom'));
  missing = await closedPortUrl();
  ({ app } = await startCatalogApp([orders.url, customers.url, missing, broken.url]));
});

afterAll(async () => {
  await app?.close();
  await Promise.all([orders, customers, broken].map((upstream) => upstream?.close()));
});

describe('GET /api/products', () => {
  it('answers every configured product: its document, or where and why it failed', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/products' });
    expect(response.statusCode).toBe(200);
    const snapshot = response.json<CatalogSnapshot>();
    expect(Date.parse(snapshot.readAt)).not.toBeNaN();
    expect(snapshot.products.map(({ url, state, reachable }) => ({ url, state, reachable }))).toEqual([
      { url: orders.url, state: 'available', reachable: true },
      { url: customers.url, state: 'available', reachable: true },
      { url: missing, state: 'unreachable', reachable: false },
      { url: broken.url, state: 'unusable', reachable: true },
    ]);
    const [first, , unreachable, unusable] = snapshot.products;
    expect(first.state === 'available' && first.document.status.outputs[0].length).toBe(7);
    expect(first.state === 'available' && first.document.manifest.owner.team).toBe('order-management');
    expect(unreachable).toMatchObject({
      documentUrl: `${missing}/.well-known/data-product`,
      error: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(unusable).toMatchObject({ error: 'HTTP 500: boom' });
  });
});

describe('GET /api/lineage', () => {
  it('draws the flows the readable manifests declare, with the producer-side figures', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/lineage' });
    expect(response.statusCode).toBe(200);
    const lineage = response.json<Lineage>();
    expect(lineage.nodes.map((node) => `${node.id}:${node.state}`)).toEqual(['orders:listed', 'customers:listed']);
    expect(lineage.edges.map((edge) => `${edge.from}→${edge.to}`)).toEqual(['customers→orders', 'orders→customers']);
    expect(lineage.streams.find((stream) => stream.stream === 'orders.order.v1')?.consumers).toEqual([
      {
        group: 'customers',
        domain: 'customers',
        declared: true,
        measured: true,
        lag: 1,
        pending: 0,
        consumers: 1,
        lostToCap: 0,
      },
    ]);
  });
});

describe('exploring: GET /api/search, /api/products/:name, /api/event-types/:type', () => {
  it('searches the readable manifests', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/search?q=email' });
    const hits = response.json<{ hits: Array<{ kind: string; label: string; eventType: string | null }> }>().hits;
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'field', label: 'email', eventType: 'customers.customer.registered' }));
  });

  it("answers a product with its events' schema tables, and 404 for one it cannot read", async () => {
    const response = await app.inject({ method: 'GET', url: '/api/products/customers' });
    const [stream] = response.json<{ streams: Array<{ key: string; events: Array<{ type: string; fields: Array<{ name: string; classification: string | null }> }> }> }>().streams;
    expect(stream.key).toBe('{customers.customer.v1}');
    const registered = stream.events.find((event) => event.type === 'customers.customer.registered');
    expect(registered?.fields.find((field) => field.name === 'email')?.classification).toBe('pii');
    expect((await app.inject({ method: 'GET', url: '/api/products/analytics' })).statusCode).toBe(404);
  });

  it('answers an event type with its versions, and 404 for an unknown one', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/event-types/orders.order.placed' });
    expect(response.json<{ versions: Array<{ version: number; current: boolean }> }>().versions).toEqual([
      expect.objectContaining({ version: 1, current: true }),
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/event-types/orders.order.lost' })).statusCode).toBe(404);
  });
});

describe('samples and access without a bus or an ACL file', () => {
  it('says that no event bus is configured instead of failing', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/streams/orders.order.v1/samples' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      stream: 'orders.order.v1',
      key: '{orders.order.v1}',
      samples: [],
      error: 'the catalog has no event bus configured (REDIS_URL is not set)',
    });
    expect((await app.inject({ method: 'GET', url: '/api/streams/nobody.v1/samples' })).statusCode).toBe(404);
  });

  it("shows the manifests' side of access and says that the broker's ACL is not known", async () => {
    const response = await app.inject({ method: 'GET', url: '/api/access' });
    const report = response.json<{ acl: { state: string }; findings: unknown[]; products: Array<{ product: string }> }>();
    expect(report.acl.state).toBe('not-configured');
    expect(report.products.map((product) => product.product)).toEqual(['orders', 'customers']);
    expect(report.findings).toEqual([]);
  });
});

describe('the page', () => {
  it('serves GET / as HTML that loads only its own files, under a strict content security policy', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.body).toContain('<script type="module" src="/assets/catalog.js"></script>');
  });

  it.each([
    'catalog.js',
    'lineage-graph.js',
    'render-products.js',
    'render-status.js',
    'dom.js',
    'search.js',
    'product-view.js',
    'event-view.js',
    'render-schema.js',
    'render-samples.js',
    'render-snippets.js',
    'render-access.js',
    'render-quality.js',
    'catalog.css',
  ])(
    'serves /assets/%s',
    async (name) => {
      const response = await app.inject({ method: 'GET', url: `/assets/${name}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(name.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it.each(['/assets/other.js', '/assets/..%2Fpage-assets.ts', '/assets/index.html'])(
    'answers 404 for %s',
    async (url) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
    },
  );
});

describe('health', () => {
  it('is ready while some products are unreachable: it owns no store', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
  });

  it('documents its API at /docs-json', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs-json' });
    expect(Object.keys(response.json<{ paths: object }>().paths).sort()).toEqual([
      '/api/access',
      '/api/event-types/{type}',
      '/api/lineage',
      '/api/products',
      '/api/products/{name}',
      '/api/search',
      '/api/streams/{stream}/samples',
    ]);
  });
});
