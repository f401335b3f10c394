import { once } from 'node:events';
import { createServer } from 'node:net';

import { freePorts } from './free-port';

describe('freePorts', () => {
  it('gives as many different ports as asked, each free to listen on afterwards', async () => {
    const ports = await freePorts(12);
    expect(new Set(ports).size).toBe(12);
    const servers = ports.map((port) => createServer().listen(port, '127.0.0.1'));
    try {
      await Promise.all(servers.map((server) => once(server, 'listening')));
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });
});
