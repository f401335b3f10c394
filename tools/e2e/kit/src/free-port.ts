import { once } from 'node:events';
import { createServer, type Server } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that nothing listens on now, chosen by the OS: the messaging library's
 * test helper (@mesh/infra has none), the one the isolated mesh starts its Redis on.
 */
export { freePort } from '@mesh/messaging/testing';

/**
 * `count` different TCP ports on 127.0.0.1 that nothing listens on now, chosen by the OS. Each is
 * held open until all are chosen: ports asked for one after the other are each released before
 * the next is chosen, and the OS may then give the same one twice (two services on one port).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let index = 0; index < count; index += 1) {
      const server = createServer();
      servers.push(server);
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
    }
    return servers.map((server) => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** Throws, naming them, when any of the (fixed) ports is taken on this machine. */
export async function assertPortsFree(ports: readonly number[], hint: string): Promise<void> {
  const taken: number[] = [];
  for (const port of ports) if (!(await isFree(port))) taken.push(port);
  if (taken.length > 0)
    throw new Error(`port${taken.length > 1 ? 's' : ''} ${taken.join(', ')} already in use: ${hint}`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolvePromise(true)));
  });
}
