import type { RedisClient } from '@mesh/service';
import type { Redis } from 'ioredis';

import { nodeServing } from '../streams/node-serving';
import type { StreamReadReply } from './stream-reply';

/**
 * The consumer's own connection for blocking XREADGROUP calls on keys of one slot, so that
 * waiting for entries never delays acks or claims on the command connection. A watchdog
 * replaces the connection when a read outlives its BLOCK time by far (a half-open TCP
 * connection would otherwise hang the consumer forever), and `interrupt()` ends a read at once
 * for shutdown. On a cluster the connection goes to the master serving the keys' slot, and is
 * made again (for the slot's master then) after a failed read: a failover moves the slot.
 */
export class BlockingReader {
  // Opened by the first read, so that a consumer that never starts (or fails to) holds no connection.
  private connection: { reader: Redis; server: Redis } | undefined;
  private clientId: number | undefined;

  constructor(
    private readonly commands: RedisClient,
    /** A key of the slot read (every key of one XREADGROUP is in one slot on a cluster). */
    private readonly slotKey: string,
    private readonly watchdogMs: number,
    private readonly onProblem: (message: string, error: unknown) => void,
  ) {}

  async read(args: Array<string | number>, blockMs: number): Promise<StreamReadReply> {
    this.connection ??= this.connect();
    const { reader } = this.connection;
    let watchdog: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      watchdog = setTimeout(() => {
        reject(new Error(`XREADGROUP did not return ${blockMs + this.watchdogMs} ms after it was sent`));
        this.drop(reader);
      }, blockMs + this.watchdogMs);
    });
    try {
      const reply = reader.call('XREADGROUP', ...args) as Promise<StreamReadReply>;
      return await Promise.race([reply, hung]);
    } catch (error) {
      // A cluster's slot may have moved (failover, resharding): find its master again next time.
      if (this.commands !== this.connection?.server) this.drop(reader);
      throw error;
    } finally {
      clearTimeout(watchdog);
    }
  }

  /** Ends a blocked read early: it returns no entries, as if its BLOCK time had passed. */
  async interrupt(): Promise<void> {
    const connection = this.connection;
    if (connection && this.clientId !== undefined) {
      // CLIENT UNBLOCK must reach the server that holds the blocked connection.
      await connection.server.client('UNBLOCK', this.clientId).catch((error: unknown) => {
        this.onProblem('CLIENT UNBLOCK failed', error);
      });
    }
  }

  async close(): Promise<void> {
    const reader = this.connection?.reader;
    this.connection = undefined;
    await reader?.quit().catch(() => reader.disconnect());
  }

  private drop(reader: Redis): void {
    reader.disconnect();
    if (this.connection?.reader === reader) {
      this.connection = undefined;
      this.clientId = undefined;
    }
  }

  private connect(): { reader: Redis; server: Redis } {
    const server = nodeServing(this.commands, this.slotKey);
    const reader = server.duplicate({ connectionName: 'mesh-stream-reader' });
    const connection = { reader, server };
    reader.on('error', (error: Error) => this.onProblem('stream reader connection error', error));
    // The id changes with every (re)connection; CLIENT UNBLOCK needs the current one.
    reader.on('ready', () => {
      reader
        .client('ID')
        .then((id) => {
          if (connection === this.connection) this.clientId = Number(id);
        })
        .catch((error: unknown) => this.onProblem('CLIENT ID failed', error));
    });
    return connection;
  }
}
