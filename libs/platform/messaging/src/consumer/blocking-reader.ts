import type { Redis } from 'ioredis';

import type { StreamReadReply } from './stream-reply';

/**
 * The consumer's own connection for blocking XREADGROUP calls, so that waiting for entries
 * never delays acks or claims on the command connection. A watchdog replaces the connection
 * when a read outlives its BLOCK time by far (a half-open TCP connection would otherwise hang
 * the consumer forever), and `interrupt()` ends a read at once for shutdown.
 */
export class BlockingReader {
  // Opened by the first read, so that a consumer that never starts (or fails to) holds no connection.
  private connection: Redis | undefined;
  private clientId: number | undefined;

  constructor(
    private readonly commands: Redis,
    private readonly watchdogMs: number,
    private readonly onProblem: (message: string, error: unknown) => void,
  ) {}

  async read(args: Array<string | number>, blockMs: number): Promise<StreamReadReply> {
    this.connection ??= this.connect();
    const connection = this.connection;
    let watchdog: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      watchdog = setTimeout(() => {
        reject(new Error(`XREADGROUP did not return ${blockMs + this.watchdogMs} ms after it was sent`));
        connection.disconnect();
        this.connection = this.connect();
      }, blockMs + this.watchdogMs);
    });
    try {
      const reply = connection.call('XREADGROUP', ...args) as Promise<StreamReadReply>;
      return await Promise.race([reply, hung]);
    } finally {
      clearTimeout(watchdog);
    }
  }

  /** Ends a blocked read early: it returns no entries, as if its BLOCK time had passed. */
  async interrupt(): Promise<void> {
    if (this.clientId !== undefined) {
      await this.commands.client('UNBLOCK', this.clientId).catch((error: unknown) => {
        this.onProblem('CLIENT UNBLOCK failed', error);
      });
    }
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.quit().catch(() => connection.disconnect());
  }

  private connect(): Redis {
    const connection = this.commands.duplicate({ connectionName: 'mesh-stream-reader' });
    connection.on('error', (error: Error) => this.onProblem('stream reader connection error', error));
    // The id changes with every (re)connection; CLIENT UNBLOCK needs the current one.
    connection.on('ready', () => {
      connection
        .client('ID')
        .then((id) => {
          if (connection === this.connection) this.clientId = Number(id);
        })
        .catch((error: unknown) => this.onProblem('CLIENT ID failed', error));
    });
    return connection;
  }
}
