import { createServer } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that nothing listens on now, chosen by the OS: the messaging library's
 * test helper (@mesh/infra has none), the one the isolated mesh starts its services and Redis on.
 */
export { freePort } from '@mesh/messaging/testing';

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
