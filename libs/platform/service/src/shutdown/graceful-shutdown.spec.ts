import { setTimeout as sleep } from 'node:timers/promises';

import { authorized } from '../../test/access-tokens';
import { ServiceProcess } from '../../test/service-process';

jest.setTimeout(30_000);

/** Elapsed milliseconds of a promise, with its result. */
async function timed<T>(promise: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await promise;
  return { value, ms: Date.now() - start };
}

describe('graceful shutdown (a real process running runService)', () => {
  let service: ServiceProcess | undefined;

  afterEach(() => {
    service?.stop();
    service = undefined;
  });

  it('on SIGTERM fails readiness, finishes the in-flight request, then exits 0', async () => {
    service = new ServiceProcess({ SHUTDOWN_DELAY_MS: '600' });
    const url = await service.listening();
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);

    const slow = fetch(`${url}/items/slow?ms=1500`, { headers: authorized() });
    await sleep(300); // the request is now inside its handler
    service.signal('SIGTERM');
    await sleep(100);

    const readiness = await fetch(`${url}/health/ready`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ message: 'not ready: shutting down' });

    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ waitedMs: 1500 });

    expect(await service.exited).toEqual({ code: 0, signal: null });
    const messages = service.logs.map((line) => line['msg']);
    expect(messages).toContain('SIGTERM received; readiness now fails, closing in 600 ms');
    expect(messages).toContain('shutdown complete');
    expect(messages.indexOf('shutdown complete')).toBeGreaterThan(
      service.logs.findIndex((line) => (line['req'] as { url?: string } | undefined)?.url === '/items/slow?ms=1500'),
    );
  });

  it('stops accepting connections once the listener closes', async () => {
    service = new ServiceProcess({});
    const url = await service.listening();
    const slow = fetch(`${url}/items/slow?ms=1500`, { headers: authorized() });
    await sleep(300);
    service.signal('SIGTERM');
    await sleep(200);
    await expect(fetch(`${url}/health/live`, { headers: { connection: 'close' } })).rejects.toMatchObject({
      cause: { code: 'ECONNREFUSED' },
    });
    expect((await slow).status).toBe(200);
    expect((await service.exited).code).toBe(0);
  });

  it('on SIGINT with nothing in flight exits 0 at once, even with idle keep-alive connections', async () => {
    service = new ServiceProcess({});
    const url = await service.listening();
    expect((await fetch(`${url}/items`, { headers: authorized() })).status).toBe(200); // leaves a keep-alive connection open
    service.signal('SIGINT');
    const { value, ms } = await timed(service.exited);
    expect(value).toEqual({ code: 0, signal: null });
    expect(ms).toBeLessThan(3000);
  });

  it('forces exit 1 on a second signal', async () => {
    service = new ServiceProcess({});
    const url = await service.listening();
    const slow = fetch(`${url}/items/slow?ms=10000`, { headers: authorized() }).catch(() => undefined);
    await sleep(300);
    service.signal('SIGTERM');
    await sleep(200);
    service.signal('SIGTERM');
    const { value, ms } = await timed(service.exited);
    expect(value).toEqual({ code: 1, signal: null });
    expect(ms).toBeLessThan(3000);
    expect(service.stdout).toContain('SIGTERM received again; forcing exit');
    await slow;
  });

  it('forces exit 1 when draining takes longer than SHUTDOWN_TIMEOUT_MS', async () => {
    service = new ServiceProcess({ SHUTDOWN_TIMEOUT_MS: '500' });
    const url = await service.listening();
    const slow = fetch(`${url}/items/slow?ms=10000`, { headers: authorized() }).catch(() => undefined);
    await sleep(300);
    service.signal('SIGTERM');
    const { value, ms } = await timed(service.exited);
    expect(value).toEqual({ code: 1, signal: null });
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(3000);
    expect(service.stdout).toContain('shutdown did not finish within 500 ms; forcing exit');
    await slow;
  });
});
