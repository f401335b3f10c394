import type { Page } from 'playwright-core';

import { type HeadlessChromium, launchChromium } from '../../test/chromium';
import { closedPortUrl } from '../../test/fake-upstream';
import type { PageGlobals, SvgPath } from '../../test/page-globals';
import { products } from '../../test/product-documents';
import { RunningMesh } from '../../test/running-mesh';

// Three services compiled from source and started side by side on two shared cores.
jest.setTimeout(300_000);

let mesh: RunningMesh;
let chromium: HeadlessChromium;
let page: Page;
let missingUrl: string;

beforeAll(async () => {
  missingUrl = await closedPortUrl();
  [mesh, chromium] = await Promise.all([RunningMesh.start([missingUrl]), launchChromium()]);
  page = await chromium.context.newPage();
  await page.goto(mesh.catalogUrl);
});

afterAll(async () => {
  await chromium?.close();
  await mesh?.stop();
});

const card = (name: string) => page.locator(`[data-testid="product-card"][data-product="${name}"]`);

describe('the catalog page against a running mesh', () => {
  it('lists the three data products with their owners, ports and consumers', async () => {
    await page.locator('[data-testid="product-card"]').nth(2).waitFor();
    expect(
      await page
        .locator('[data-testid="product-card"]')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-product'))),
    ).toEqual(['orders', 'customers', 'analytics']);
    for (const product of Object.values(products)) {
      const { manifest } = product;
      await expectText(card(manifest.name).getByTestId('product-title'), manifest.title);
      await expectText(card(manifest.name).getByTestId('product-owner'), manifest.owner.team);
    }
    const ordersStream = card('orders').locator('[data-testid="output-stream"][data-stream="orders.order.v1"]');
    expect(await ordersStream.getByTestId('stream-event-type').allTextContents()).toEqual(
      products.orders.manifest.outputPorts.streams[0].events.map((event) => event.type),
    );
    const consumers = () =>
      ordersStream
        .getByTestId('stream-consumer')
        .evaluateAll((found) =>
          found.map(
            (consumer) =>
              `${consumer.getAttribute('data-group')} declared=${consumer.getAttribute('data-declared')} measured=${consumer.getAttribute('data-measured')}`,
          ),
        );
    // declared by the customers and analytics manifests, and measured as groups on the stream (a
    // live figure: the page may have drawn a status taken before a consumer created its group)
    await expectEventually(consumers, ['analytics declared=true measured=true', 'customers declared=true measured=true']);
    const apiLink = await card('orders').getByTestId('output-api-link').getAttribute('href');
    expect(apiLink).toBe(`${mesh.domain('orders').url}/docs-json`);
    expect(await card('customers').getByTestId('classified-field').count()).toBe(
      products.customers.manifest.classifiedFields.length,
    );
  });

  it('shows the URL that did not answer and why, next to the products that did', async () => {
    const unavailable = page.getByTestId('product-unavailable');
    await unavailable.waitFor();
    expect(await unavailable.getAttribute('data-url')).toBe(missingUrl);
    await expectText(unavailable.getByTestId('unavailable-url'), `${missingUrl}/.well-known/data-product`);
    expect(await unavailable.getByTestId('unavailable-error').textContent()).toMatch(/ECONNREFUSED/);
  });

  it('draws the lineage graph: who consumes which stream of whom', async () => {
    const graph = page.getByTestId('lineage-graph');
    await graph.waitFor();
    const nodes = await graph
      .getByTestId('lineage-node')
      .evaluateAll((found) => found.map((node) => node.getAttribute('data-node')));
    expect(nodes.sort()).toEqual(['analytics', 'customers', 'orders']);
    const edges = await graph
      .getByTestId('lineage-edge')
      .evaluateAll((found) =>
        found.map(
          (edge) =>
            `${edge.getAttribute('data-from')}→${edge.getAttribute('data-to')} ${edge.getAttribute('data-stream')}`,
        ),
      );
    expect(edges.sort()).toEqual([
      'customers→analytics customers.customer.v1',
      'customers→orders customers.customer.v1',
      'orders→analytics orders.order.v1',
      'orders→customers orders.order.v1',
    ]);
    // each edge is a drawn curve with an arrowhead, not just an element with attributes
    const drawn = await graph
      .locator('[data-testid="lineage-edge"] path')
      .evaluateAll((paths) =>
        paths.map(
          (path) => (path as unknown as SvgPath).getTotalLength() > 20 && path.getAttribute('marker-end') !== null,
        ),
      );
    expect(drawn).toEqual([true, true, true, true]);
  });

  it('updates a live figure without a reload when events flow', async () => {
    const length = card('customers').locator('[data-testid="stream-length"][data-stream="customers.customer.v1"]');
    await expectText(length, '0');
    await page.evaluate(() => ((globalThis as unknown as PageGlobals).loadedOnce = 'this page'));
    const refreshesBefore = Number(await page.getByTestId('last-refresh').getAttribute('data-refreshes'));

    const response = await fetch(`${mesh.domain('customers').url}/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...mesh.authorization('customers:write') },
      body: JSON.stringify({
        name: 'Ada Lovelace',
        email: `ada.${Date.now()}@example.com`,
        country: 'GB',
        marketingConsent: true,
      }),
    });
    expect(response.status).toBe(201);

    await expectText(length, '1', 15_000);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).loadedOnce)).toBe('this page');
    expect(Number(await page.getByTestId('last-refresh').getAttribute('data-refreshes'))).toBeGreaterThan(
      refreshesBefore,
    );
  });
});

/** Waits until the element's text is `expected` (the page refreshes every few seconds). */
async function expectText(locator: ReturnType<Page['locator']>, expected: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen: string | null = null;
  while (Date.now() < deadline) {
    seen = (await locator.textContent({ timeout: timeoutMs }))?.trim() ?? null;
    if (seen === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`expected "${expected}" in ${locator.toString()}, saw "${seen}"`);
}

/** Waits until `read()` gives `expected` (live figures refresh every few seconds). */
async function expectEventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = await read();
  while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    seen = await read();
  }
  expect(seen).toEqual(expected);
}
