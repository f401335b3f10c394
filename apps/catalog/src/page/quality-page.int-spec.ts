import type { DataProductManifest, DataQualityStatus, QualityRuleResult } from '@mesh/contract-kit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Locator, Page } from 'playwright-core';

import { startCatalogApp } from '../../test/catalog-test-app';
import { type HeadlessChromium, launchChromium } from '../../test/chromium';
import { FakeUpstream } from '../../test/fake-upstream';
import type { PageGlobals } from '../../test/page-globals';
import { documentOf, products } from '../../test/product-documents';

// Headless Chromium over fake domains serving the real manifests, each with its quality rules:
// a broken rule turns its product red on the overview.
jest.setTimeout(60_000);

const RED = 'rgb(207, 34, 46)';
const BAD_EVENT = '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a';

/** Every rule of the manifest kept on `sampled` items, except those `broken` names (one failing item each). */
function qualityOf(manifest: DataProductManifest, broken: string[] = []): DataQualityStatus {
  const rules = (manifest.quality ?? []).map(
    (rule): QualityRuleResult => ({
      id: rule.id,
      description: rule.description,
      dimension: rule.dimension,
      target: rule.eventTypes?.join(', ') ?? `api:${rule.resource}`,
      sampled: 12,
      failed: broken.includes(rule.id) ? 1 : 0,
      failing: broken.includes(rule.id) ? [BAD_EVENT] : [],
      kept: !broken.includes(rule.id),
    }),
  );
  return { checkedAt: '2026-11-28T12:00:00.000Z', rules };
}

function withQuality(product: (typeof products)[keyof typeof products], broken: string[] = []) {
  const quality = qualityOf(product.manifest, broken);
  return documentOf(product, {
    quality,
    serviceLevels: quality.rules.map((rule) => ({ name: `quality:${rule.id}`, objective: rule.description, measured: 'sampled', kept: rule.kept })),
  });
}

let chromium: HeadlessChromium;
let catalog: NestFastifyApplication;
let page: Page;
const upstreams: FakeUpstream[] = [];

beforeAll(async () => {
  upstreams.push(
    await FakeUpstream.serving(withQuality(products.orders, ['placed-total-is-sum-of-lines'])),
    await FakeUpstream.serving(withQuality(products.customers)),
    // A domain on an older platform: its manifest has rules, its status no check of them.
    await FakeUpstream.serving(documentOf(products.analytics)),
  );
  [chromium, { app: catalog }] = await Promise.all([launchChromium(), startCatalogApp(upstreams.map((upstream) => upstream.url))]);
  await catalog.listen({ port: 0, host: '127.0.0.1' });
  page = await chromium.context.newPage();
  await page.goto((await catalog.getUrl()).replace('[::1]', '127.0.0.1'));
  await page.locator('[data-testid="product-card"]').nth(2).waitFor();
});

afterAll(async () => {
  await chromium?.close();
  await catalog?.close();
  await Promise.all(upstreams.map((upstream) => upstream.close()));
});

const card = (name: string) => page.locator(`[data-testid="product-card"][data-product="${name}"]`);
const style = (locator: Locator, property: 'color' | 'borderTopColor') =>
  locator.evaluate((element, name) => (globalThis as unknown as PageGlobals).getComputedStyle(element)[name], property);

describe('data-quality rules on the catalog page', () => {
  it('turns a product with a broken quality rule red, and shows which rule and which event', async () => {
    expect(await card('orders').getAttribute('data-health')).toBe('broken');
    expect(await style(card('orders'), 'borderTopColor')).toBe(RED);
    expect(await card('orders').getByTestId('product-health').textContent()).toBe(' a promise broken');
    const rule = card('orders').locator('[data-testid="quality-rule"][data-rule="placed-total-is-sum-of-lines"]');
    expect(await rule.getAttribute('data-kept')).toBe('false');
    expect(await style(rule, 'color')).toBe(RED);
    expect(await rule.getByTestId('quality-measured').textContent()).toBe(` — broken by 1 of 12 sampled: ${BAD_EVENT}`);
    const level = card('orders').locator('[data-testid="service-level"][data-name="quality:placed-total-is-sum-of-lines"]');
    expect(await level.getAttribute('data-kept')).toBe('false');
  });

  it('leaves a product whose rules all hold uncoloured, each rule kept', async () => {
    expect(await card('customers').getAttribute('data-health')).toBe('kept');
    expect(await style(card('customers'), 'borderTopColor')).not.toBe(RED);
    const kept = await card('customers')
      .getByTestId('quality-rule')
      .evaluateAll((rules) => rules.map((rule) => rule.getAttribute('data-kept')));
    expect(kept).toEqual(products.customers.manifest.quality?.map(() => 'true'));
  });

  it("lists the rules of a product whose service does not check them yet, as not checked, without calling it broken", async () => {
    expect(await card('analytics').getAttribute('data-health')).toBe('unknown');
    expect(await card('analytics').getByTestId('product-quality').textContent()).toContain('not checked by this service');
    expect(await card('analytics').getByTestId('quality-rule').count()).toBe(products.analytics.manifest.quality?.length);
  });
});
