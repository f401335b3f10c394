import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect } from 'node:net';

import { authorized } from '../../test/access-tokens';
import { createTestApp } from '../../test/test-app';
import { TestAppModule } from '../../test/test-app.module';
import { createServiceApp } from '../bootstrap/create-service-app';

interface Cut {
  /** What the server wrote before it closed the connection. */
  readonly answer: string;
  readonly afterMs: number;
}

/**
 * Writes `chunks` one every `everyMs` on a raw connection, as a slow (or malicious) client would,
 * until the server closes it; rejects if it is still open after `giveUpMs`.
 */
function trickle(port: number, chunks: readonly string[], everyMs: number, giveUpMs = 8_000): Promise<Cut> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let next = 0;
    const timer = setInterval(() => {
      if (next < chunks.length && socket.writable) socket.write(chunks[next++]);
    }, everyMs);
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${giveUpMs} ms, having sent ${next} of ${chunks.length} chunks`));
    }, giveUpMs);
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ answer, afterMs: Date.now() - started });
    });
  });
}

describe('HTTP server timeouts (real connections)', () => {
  let app: NestFastifyApplication;
  let port: number;

  beforeAll(async () => {
    ({ app } = await createTestApp({ env: { HEADERS_TIMEOUT_MS: '500', REQUEST_TIMEOUT_MS: '1000' } }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = Number(new URL(await app.getUrl()).port);
  });

  afterAll(async () => {
    await app.close();
  });

  it('cuts off a client that sends its headers slowly, with a 408, once HEADERS_TIMEOUT_MS passed', async () => {
    const headers = ['GET /items HTTP/1.1\r\n', ...Array.from({ length: 80 }, (_, n) => `x-slow-${n}: 1\r\n`)];

    const cut = await trickle(port, headers, 100);

    expect(cut.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(cut.afterMs).toBeGreaterThanOrEqual(450);
    expect(cut.afterMs).toBeLessThan(2_500);
  });

  it('cuts off a client that sends its body slowly, once REQUEST_TIMEOUT_MS passed', async () => {
    const head =
      `POST /items HTTP/1.1\r\nhost: localhost\r\nauthorization: ${authorized().authorization}\r\n` +
      'content-type: application/json\r\ncontent-length: 200\r\n\r\n{"name":"';
    const cut = await trickle(port, [head, ...Array.from({ length: 150 }, () => 'a')], 50);

    expect(cut.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(cut.afterMs).toBeGreaterThanOrEqual(950);
    expect(cut.afterMs).toBeLessThan(3_000);
  });

  it('closes a connection on which no request ever starts', async () => {
    const cut = await trickle(port, [], 100);

    expect(cut.afterMs).toBeLessThan(2_500);
  });

  it('lets a request that arrived in time take longer than REQUEST_TIMEOUT_MS to answer', async () => {
    const response = await fetch(`${await app.getUrl()}/items/slow?ms=1500`, { headers: authorized() });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ waitedMs: 1500 });
  });

  it('sets the keep-alive and idle connection timeouts on the server', () => {
    const server = app.getHttpServer();

    expect(server.keepAliveTimeout).toBe(72_000);
    expect(server.timeout).toBe(120_000);
  });

  it('refuses a header timeout longer than the request timeout', async () => {
    const started = createServiceApp(TestAppModule.register(), {
      env: { HEADERS_TIMEOUT_MS: '5000', REQUEST_TIMEOUT_MS: '1000' },
    });

    await expect(started).rejects.toMatchObject({
      problems: [{ variable: 'HEADERS_TIMEOUT_MS', message: 'must not exceed REQUEST_TIMEOUT_MS (1000)' }],
    });
  });
});
