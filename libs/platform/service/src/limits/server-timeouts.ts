import type { Server } from 'node:http';

import type { LimitsConfig } from './limits-config';

/**
 * How often Node looks for requests past their header or request timeout. Its default (30 s)
 * would let a slow client hold a connection up to half a minute beyond the limit.
 */
const CHECK_INTERVAL_MS = 1_000;

/**
 * Fastify leaves the request timeout off, so a client that sends its headers or body a byte at a
 * time holds a connection (and a socket, and memory) for as long as it likes. Node closes such a
 * connection with a 408 once the headers took longer than `headersMs` or the whole request
 * longer than `requestMs`; `connectionMs` closes a connection on which nothing moves at all (a
 * client that stopped reading its response), `keepAliveMs` an idle one between requests.
 *
 * Set on the server Fastify made, before it listens: Node reads them for every connection.
 */
export function applyServerTimeouts(server: Server, timeouts: LimitsConfig['timeouts']): void {
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  server.setTimeout(timeouts.connectionMs);
  // Read when the server starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = CHECK_INTERVAL_MS;
}
