import { closedPortUrl, FakeUpstream } from '../../test/fake-upstream';
import { documentOf, products } from '../../test/product-documents';
import { fetchProduct } from './fetch-product';

const TIMEOUT_MS = 500;
let upstream: FakeUpstream | undefined;

afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

function answering(status: number, body: string, contentType = 'application/json') {
  return FakeUpstream.start((_request, response) =>
    response.writeHead(status, { 'content-type': contentType }).end(body),
  );
}

describe('fetchProduct', () => {
  it('reads the document at <url>/.well-known/data-product, with when and how long', async () => {
    const document = documentOf(products.orders);
    upstream = await FakeUpstream.serving(document);
    const before = Date.now();
    const entry = await fetchProduct(upstream.url, TIMEOUT_MS);
    expect(upstream.requests).toEqual(['/.well-known/data-product']);
    expect(entry).toMatchObject({
      url: upstream.url,
      documentUrl: `${upstream.url}/.well-known/data-product`,
      state: 'available',
      reachable: true,
      document,
    });
    expect(Date.parse(entry.fetchedAt)).toBeGreaterThanOrEqual(before - 1);
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps a path prefix of the base URL and fields the catalog does not know', async () => {
    const document = { ...documentOf(products.customers), extra: { note: 'from a newer platform' } };
    upstream = await FakeUpstream.serving(document);
    const entry = await fetchProduct(`${upstream.url}/customers/`, TIMEOUT_MS);
    expect(upstream.requests).toEqual(['/customers/.well-known/data-product']);
    expect(entry.state === 'available' && entry.document).toEqual(document);
  });

  it('says a refused connection is unreachable, naming the cause', async () => {
    const url = await closedPortUrl();
    const entry = await fetchProduct(url, TIMEOUT_MS);
    expect(entry).toMatchObject({ url, state: 'unreachable', reachable: false });
    expect(entry.state === 'unreachable' && entry.error).toMatch(/ECONNREFUSED/);
  });

  it('gives up after the timeout and says so', async () => {
    upstream = await FakeUpstream.serving(documentOf(products.orders), 3_000);
    const started = Date.now();
    const entry = await fetchProduct(upstream.url, 200);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(entry).toMatchObject({ state: 'unreachable', reachable: false, error: 'no answer within 200 ms' });
  });

  it('reports an HTTP error with the start of its body', async () => {
    upstream = await answering(404, '{"message":"Cannot GET /.well-known/data-product"}');
    expect(await fetchProduct(upstream.url, TIMEOUT_MS)).toMatchObject({
      state: 'unusable',
      reachable: true,
      error: 'HTTP 404: {"message":"Cannot GET /.well-known/data-product"}',
    });
  });

  it('refuses an answer that is not JSON', async () => {
    upstream = await answering(200, '<html>hello</html>', 'text/html');
    const entry = await fetchProduct(upstream.url, TIMEOUT_MS);
    expect(entry.state).toBe('unusable');
    expect(entry.state === 'unusable' && entry.error).toMatch(/^the answer is not JSON \(.+\): <html>hello<\/html>$/);
  });

  it('refuses JSON that is not a data-product document, naming the wrong fields', async () => {
    const document = documentOf(products.orders);
    upstream = await FakeUpstream.serving({ ...document, manifest: { ...document.manifest, inputPorts: 'none' } });
    const entry = await fetchProduct(upstream.url, TIMEOUT_MS);
    expect(entry.state === 'unusable' && entry.error).toMatch(
      /^the answer is not a data-product document: manifest\.inputPorts: .*expected array/,
    );
  });

  it('refuses a body larger than a megabyte instead of buffering it', async () => {
    upstream = await FakeUpstream.start((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`"${'x'.repeat(2 * 1024 * 1024)}"`);
    });
    const entry = await fetchProduct(upstream.url, 2_000);
    expect(entry.state === 'unusable' && entry.error).toMatch(/more than the 1048576 bytes allowed/);
  });
});
