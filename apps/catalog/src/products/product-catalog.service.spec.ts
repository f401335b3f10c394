import { closedPortUrl, FakeUpstream } from '../../test/fake-upstream';
import { documentOf, products } from '../../test/product-documents';
import type { CatalogConfig } from '../config/catalog.config';
import { ProductCatalog } from './product-catalog.service';

const upstreams: FakeUpstream[] = [];

afterEach(async () => {
  await Promise.all(upstreams.splice(0).map((upstream) => upstream.close()));
});

async function serving(product: keyof typeof products, delayMs = 0): Promise<FakeUpstream> {
  const upstream = await FakeUpstream.serving(documentOf(products[product]), delayMs);
  upstreams.push(upstream);
  return upstream;
}

function catalogOf(productUrls: string[], maxAgeMs = 0): ProductCatalog {
  const config: CatalogConfig = { productUrls, fetchTimeoutMs: 2_000, maxAgeMs, aclFile: undefined };
  return new ProductCatalog(config);
}

describe('ProductCatalog', () => {
  it('reads every product at once and keeps the configured order, the unreachable one included', async () => {
    // One server behind two base URLs counts how many of its requests are open at the same time.
    let open = 0;
    let mostOpen = 0;
    const document = documentOf(products.orders);
    const both = await FakeUpstream.start((_request, response) => {
      mostOpen = Math.max(mostOpen, ++open);
      setTimeout(() => {
        open -= 1;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
      }, 200);
    });
    upstreams.push(both);
    const missing = await closedPortUrl();
    const urls = [`${both.url}/first`, missing, `${both.url}/second`];
    const snapshot = await catalogOf(urls).snapshot();
    expect(mostOpen).toBe(2);
    expect(snapshot.products.map((entry) => [entry.url, entry.state])).toEqual([
      [urls[0], 'available'],
      [missing, 'unreachable'],
      [urls[2], 'available'],
    ]);
  });

  it('shares one round of fetches between callers while it runs and for maxAgeMs after', async () => {
    const orders = await serving('orders', 100);
    const catalog = catalogOf([orders.url], 1_500);
    const [first, second] = await Promise.all([catalog.snapshot(), catalog.snapshot()]);
    expect(second).toBe(first);
    expect(await catalog.snapshot()).toBe(first);
    expect(orders.requests).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const later = await catalog.snapshot();
    expect(later).not.toBe(first);
    expect(orders.requests).toHaveLength(2);
  });

  it('reads again on every call when maxAgeMs is 0', async () => {
    const orders = await serving('orders');
    const catalog = catalogOf([orders.url], 0);
    await catalog.snapshot();
    await catalog.snapshot();
    expect(orders.requests).toHaveLength(2);
  });
});
