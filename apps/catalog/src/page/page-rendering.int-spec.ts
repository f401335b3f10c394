import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Page } from 'playwright-core';

import { startCatalogApp } from '../../test/catalog-test-app';
import { type HeadlessChromium, launchChromium } from '../../test/chromium';
import { FakeUpstream } from '../../test/fake-upstream';
import type { PageGlobals } from '../../test/page-globals';
import { documentOf, inputStatus, products } from '../../test/product-documents';

// The page in headless Chromium over fake domains: what it does with hostile or failing input.
jest.setTimeout(60_000);

const HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';

let chromium: HeadlessChromium;
let catalog: NestFastifyApplication;
let page: Page;
const upstreams: FakeUpstream[] = [];

beforeAll(async () => {
  const hostile = documentOf(products.customers, {
    inputs: [inputStatus('orders.order.v1', 'customers', { deadLetters: 3, lostToCap: 7 })],
    serviceLevels: [
      { name: 'dead-letters:orders.order.v1', objective: '0', measured: '3', kept: false },
      { name: 'consumer-lag:orders.order.v1', objective: '≤ 1000', measured: '0', kept: true },
    ],
  });
  hostile.manifest = {
    ...hostile.manifest,
    description: HOSTILE,
    owner: { team: HOSTILE, contact: 'javascript:alert(1)' },
    outputPorts: { ...hostile.manifest.outputPorts, api: { description: HOSTILE, openApiPath: 'javascript:alert(1)' } },
  };
  const orders = documentOf(products.orders, {
    outputs: [
      {
        stream: 'orders.order.v1',
        length: 5,
        groups: [{ name: 'customers', lag: 0, pending: 0, consumers: 1, lostToCap: 7 }],
      },
    ],
  });
  upstreams.push(await FakeUpstream.serving(hostile), await FakeUpstream.serving(orders));
  upstreams.push(await FakeUpstream.serving({ manifest: HOSTILE }));
  [chromium, { app: catalog }] = await Promise.all([
    launchChromium(),
    startCatalogApp(upstreams.map((upstream) => upstream.url)),
  ]);
  await catalog.listen({ port: 0, host: '127.0.0.1' });
  page = await chromium.context.newPage();
  await page.goto((await catalog.getUrl()).replace('[::1]', '127.0.0.1'));
  await page.locator('[data-testid="product-card"]').nth(1).waitFor();
});

afterAll(async () => {
  await chromium?.close();
  await catalog?.close();
  await Promise.all(upstreams.map((upstream) => upstream.close()));
});

const customers = () => page.locator('[data-testid="product-card"][data-product="customers"]');

describe('the catalog page', () => {
  it('shows markup from a manifest as text and runs none of it', async () => {
    expect(await customers().getByTestId('product-description').textContent()).toBe(HOSTILE);
    expect(await customers().getByTestId('product-owner').textContent()).toBe(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pwned)).toBeUndefined();
  });

  it("shows each stream's Redis key and replay window beside its name, as the manifest gives it", async () => {
    const orders = page.locator('[data-testid="product-card"][data-product="orders"]');
    const output = orders.locator('[data-testid="output-stream"][data-stream="orders.order.v1"]');
    expect(await output.getByTestId('stream-key').textContent()).toBe('{orders.order.v1}');
    expect(await output.getByTestId('stream-replay').textContent()).toBe('replay 168 h, cap 336 h');
    const input = orders.locator('[data-testid="input-port"][data-stream="customers.customer.v1"]');
    expect(await input.getByTestId('stream-key').textContent()).toBe('{customers.customer.v1}');
  });

  it('never turns a manifest path into a javascript: link', async () => {
    expect(await customers().getByTestId('output-api-link').count()).toBe(0);
    const hrefs = await page.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => !/^(https?:\/\/|\/)/.test(href))).toEqual([]);
  });

  it('shows a document that is not one as unusable, with the fields that are wrong', async () => {
    const unusable = page.getByTestId('product-unavailable');
    expect(await unusable.getAttribute('data-state')).toBe('unusable');
    expect(await unusable.getByTestId('unavailable-error').textContent()).toMatch(
      /^the answer is not a data-product document: manifest: .*expected object.*; status: /,
    );
  });

  it('colours service levels kept and broken, and the edge of a broken flow', async () => {
    const levels = await customers()
      .getByTestId('service-level')
      .evaluateAll((found) =>
        found.map(
          (level) =>
            `${level.getAttribute('data-name')} ${level.getAttribute('data-kept')} ${(globalThis as unknown as PageGlobals).getComputedStyle(level).color}`,
        ),
      );
    expect(levels).toEqual([
      'dead-letters:orders.order.v1 false rgb(207, 34, 46)',
      'consumer-lag:orders.order.v1 true rgb(26, 127, 55)',
    ]);
    const edge = page.locator('[data-testid="lineage-edge"][data-from="orders"][data-to="customers"]');
    expect(await edge.getAttribute('data-health')).toBe('broken');
    expect(
      await edge
        .locator('path')
        .evaluate((path) => (globalThis as unknown as PageGlobals).getComputedStyle(path).stroke),
    ).toBe('rgb(207, 34, 46)');
    expect(
      await customers().locator('[data-testid="input-dead-letters"][data-stream="orders.order.v1"]').textContent(),
    ).toBe('3');
  });

  it('serves Swagger UI at /docs, which draws the API under its own content security policy without a violation', async () => {
    const docs = await chromium.context.newPage();
    const refused: string[] = [];
    docs.on('console', (message) => {
      if (/content security policy|refused to/i.test(message.text())) refused.push(message.text());
    });
    try {
      await docs.goto(`${(await catalog.getUrl()).replace('[::1]', '127.0.0.1')}/docs`);
      await docs.locator('.opblock-summary-path').first().waitFor();

      expect(await docs.locator('.opblock-summary-path').allTextContents()).toContain('/api/products');
      expect(refused).toEqual([]);
    } finally {
      await docs.close();
    }
  });

  it("says how many entries a group lost to a stream's cap, on the producer's side and on the consumer's", async () => {
    const orders = page.locator('[data-testid="product-card"][data-product="orders"]');
    const consumer = orders.locator('[data-testid="stream-consumer"][data-group="customers"]');
    expect(await consumer.getByTestId('consumer-lost').textContent()).toBe(' — lost 7 entries to the cap');
    const lost = customers().locator('[data-testid="input-lost"][data-stream="orders.order.v1"]');
    expect(await lost.textContent()).toBe('7');
    expect(await lost.getAttribute('class')).toBe('figure bad');
  });
});
