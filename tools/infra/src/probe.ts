import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

/** Probes give up quickly: a local server answers in milliseconds or not at all. */
const PROBE_TIMEOUT_MS = 1_500;

export async function pingPostgres(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  // A failed connection also emits 'error'; without a listener it would crash the process.
  client.on('error', () => undefined);
  try {
    await withTimeout(client.connect(), `connect to ${url}`);
    await withTimeout(client.query('SELECT 1'), `query ${url}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function pingRedis(url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    commandTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    // connectTimeout ends at the TCP connect; a silent server would stall the ready check.
    await withTimeout(client.connect(), `connect to ${url}`);
    const reply = await client.ping();
    if (reply !== 'PONG') throw new Error(`PING to ${url} answered ${reply}`);
  } finally {
    client.disconnect();
  }
}

/** Through the driver that mongoose bundles: the workspace depends on mongoose, not on mongodb. */
export async function pingMongo(url: string): Promise<void> {
  const client = new mongoose.mongo.MongoClient(url, {
    serverSelectionTimeoutMS: PROBE_TIMEOUT_MS,
    connectTimeoutMS: PROBE_TIMEOUT_MS,
  });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** True when something accepts TCP connections on 127.0.0.1:port, whatever it is. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (listening: boolean): void => {
      socket.destroy();
      resolvePromise(listening);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(true));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function answers(ping: () => Promise<void>): Promise<boolean> {
  try {
    await ping();
    return true;
  } catch {
    return false;
  }
}

/**
 * Polls `ping` until it succeeds. `exited` reports a server that died while we
 * waited, so a failed start is reported at once rather than after the timeout.
 */
export async function waitUntilAnswering(
  ping: () => Promise<void>,
  options: { timeoutMs: number; port: number; exited?: () => string | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const exit = options.exited?.();
    if (exit !== undefined) throw new Error(`it exited (${exit}) before answering`);
    try {
      // A ping of a closed port can take the whole probe timeout (MongoDB's server selection).
      if (!(await isListening(options.port))) throw new Error(`nothing listens on 127.0.0.1:${options.port} yet`);
      await ping();
      return;
    } catch (error) {
      lastError = error;
    }
    await sleep(100);
  }
  throw new Error(`it did not answer within ${options.timeoutMs / 1000} s`, { cause: lastError });
}

async function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
