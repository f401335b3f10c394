import { createServer, type Server } from 'node:net';

/**
 * Distinct ports of 127.0.0.1 that were free a moment ago: each is bound at once (so they differ),
 * then all are released for the servers to take.
 */
export async function freeLocalPorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => bindAnyPort()));
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise<void>((resolvePromise) => server.close(() => resolvePromise()))));
  return ports;
}

function bindAnyPort(): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise(server));
  });
}
