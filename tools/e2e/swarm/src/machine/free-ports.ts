import { createServer } from 'node:net';

/** Throws, naming them, when any of the ports is taken on this machine. */
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
