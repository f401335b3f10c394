import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type GatewayRoute, waitForGatewayRoutes } from './wait-routes';

/** What HAProxy answers on a frontend whose backend has no server up yet. */
const NO_SERVER =
  '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n';

/**
 * A stand-in for one gateway frontend: 503 "No server is available" for its first `unroutedRequests`
 * requests (the backend's tasks are healthy but HAProxy has not resolved or checked them yet),
 * then the domain's readiness answer.
 */
async function frontend(unroutedRequests: number): Promise<{ server: Server; url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((_request, response) => {
    requests += 1;
    if (requests <= unroutedRequests) {
      response.writeHead(503, { 'content-type': 'text/html' }).end(NO_SERVER);
    } else {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}/health/ready`,
    requests: () => requests,
  };
}

describe('waitForGatewayRoutes', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('waits past the 503s a gateway gives before it routes, and returns once every domain answers 200', async () => {
    const orders = await frontend(3);
    const customers = await frontend(0);
    servers.push(orders.server, customers.server);
    const routed: string[] = [];

    await waitForGatewayRoutes(
      [
        { name: 'orders', url: orders.url },
        { name: 'customers', url: customers.url },
      ],
      { timeoutMs: 10_000, pollMs: 50, log: (line) => routed.push(line) },
    );

    // Acting on the first answer would have met the race: orders answered 503 three times.
    expect(orders.requests()).toBe(4);
    expect(customers.requests()).toBe(1);
    expect(routed.map((line) => line.trim().split(' ')[3])).toEqual(['customers', 'orders']);
  });

  it('fails after its deadline, naming each domain the gateway never routed to and its last answer', async () => {
    const orders = await frontend(0);
    const customers = await frontend(Number.POSITIVE_INFINITY);
    const closed = await frontend(0);
    servers.push(orders.server, customers.server);
    await new Promise((resolve) => closed.server.close(resolve));
    const routes: GatewayRoute[] = [
      { name: 'orders', url: orders.url },
      { name: 'customers', url: customers.url },
      // Nothing listens: a gateway that is not there at all.
      { name: 'analytics', url: closed.url },
    ];

    const started = Date.now();
    const failure = waitForGatewayRoutes(routes, {
      timeoutMs: 600,
      pollMs: 50,
    });

    await expect(failure).rejects.toThrow(/^the gateway does not route to customers, analytics after 0.6 s/);
    await expect(failure).rejects.toThrow(
      `customers (${customers.url}): last answer 503 503 Service Unavailable No server is available to handle this request.`,
    );
    await expect(failure).rejects.toThrow(`analytics (${closed.url}): last answer no answer (ECONNREFUSED)`);
    await expect(failure).rejects.not.toThrow(/orders/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
