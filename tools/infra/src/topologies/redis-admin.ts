import { Redis } from 'ioredis';

import type { AdminCredentials } from './topology-types';

/** A local node answers in milliseconds or not at all. */
const CALL_TIMEOUT_MS = 1_500;

/**
 * One command to the node on 127.0.0.1:port, on a connection of its own that is closed at once:
 * infra's checks of its clusters and sentinels. Without credentials it speaks as `default`.
 */
export async function redisCall(
  port: number,
  args: readonly [string, ...(string | number)[]],
  credentials?: AdminCredentials,
): Promise<unknown> {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    username: credentials?.username,
    password: credentials?.password,
    // RESP2: flat arrays for SENTINEL MASTER, as the parsing here expects.
    protocol: 2,
    lazyConnect: true,
    connectTimeout: CALL_TIMEOUT_MS,
    commandTimeout: CALL_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    enableReadyCheck: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const [command, ...rest] = args;
    return await client.call(command, ...rest);
  } finally {
    client.disconnect();
  }
}

/** PING that must answer PONG: a started node's readiness probe. */
export async function pingNode(port: number, credentials?: AdminCredentials): Promise<void> {
  const reply = await redisCall(port, ['PING'], credentials);
  if (reply !== 'PONG') throw new Error(`PING to 127.0.0.1:${port} answered ${String(reply)}`);
}

/** `field:value` lines of INFO or CLUSTER INFO as a map. */
export function infoFields(text: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of String(text).split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return fields;
}
