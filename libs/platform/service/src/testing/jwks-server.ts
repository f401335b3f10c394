import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { PublicKeySet } from '../auth/key-set';

/** A key set served over HTTP on 127.0.0.1, as an identity provider publishes it. */
export interface JwksServer {
  /** For AUTH_JWKS_URL. */
  readonly url: string;
  /** How many times the key set was fetched. */
  readonly fetches: number;
  close(): Promise<void>;
}

/**
 * Serves `keySet()` (read on every request, so a rotation shows at the next fetch) at
 * `/.well-known/jwks.json`, for tests and local runs that check tokens the way production does:
 * over AUTH_JWKS_URL, cached and fetched again for an unknown `kid`.
 */
export async function serveJwks(keySet: () => PublicKeySet, port = 0): Promise<JwksServer> {
  let fetches = 0;
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    fetches += 1;
    response.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'max-age=300' });
    response.end(JSON.stringify(keySet()));
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/.well-known/jwks.json`,
    get fetches() {
      return fetches;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
