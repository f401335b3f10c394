import { Redis, RedisOptions } from 'ioredis';

/**
 * Settings that make every command of the relay either succeed or fail promptly, and never run
 * twice behind its back: no offline queue (a command while Redis is down fails at once, and the
 * relay backs off), no retry of a command on reconnection and no automatic resend of commands
 * that were sent when the connection dropped (an XADD may have been applied already; the relay
 * checks the stream tail itself), and a timeout for a connection that hangs.
 */
export const relayRedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  commandTimeout: 10_000,
  connectionName: 'mesh-outbox-relay',
} satisfies RedisOptions;

/** Opens the relay's own Redis connection; `onDown` is told once per outage, not per reconnect. */
export function connectRelayRedis(redis: string | RedisOptions, onDown: (error: Error) => void): Redis {
  const connection = typeof redis === 'string' ? new Redis(redis, relayRedisOptions) : new Redis({ ...redis, ...relayRedisOptions });
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
