import { createRedisClient, duplicateClient, type RedisClient, type RedisTarget } from '@mesh/service';
import { Cluster, Redis, type RedisOptions } from 'ioredis';

/**
 * Settings that make every command of the relay either succeed or fail promptly, and never run
 * twice behind its back: no offline queue (a command while Redis is down fails at once, and the
 * relay backs off), no retry of a command on reconnection and no automatic resend of commands
 * that were sent when the connection dropped (an XADD may have been applied already; the relay
 * checks the stream tail itself), and a timeout for a connection that hangs. With ioredis's
 * default retries a command in flight when Redis went away could stay unanswered for good.
 */
export const relayRedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  commandTimeout: 10_000,
  connectionName: 'mesh-outbox-relay',
  lazyConnect: false, // with no offline queue, a lazy connection would never be opened
} satisfies RedisOptions;

/**
 * Where the relay connects: a URL or topology (one server, a cluster, a Sentinel master), or a
 * client whose settings it copies (it never uses that client).
 */
export type RelayRedisTarget = RedisTarget | RedisClient;

/** Opens the relay's own Redis connection; `onDown` is told once per outage, not per reconnect. */
export function connectRelayRedis(target: RelayRedisTarget, onDown: (error: Error) => void): RedisClient {
  const connection =
    target instanceof Redis || target instanceof Cluster
      ? duplicateClient(target, relayRedisOptions)
      : createRedisClient(target, relayRedisOptions);
  let down = false;
  connection.on('ready', () => {
    down = false;
  });
  connection.on('error', (error: Error) => {
    if (down) return;
    down = true;
    onDown(error);
  });
  return connection;
}
