import { type MongoServerCommand, ownMongoServerCommand, pingMongo, waitUntilAnswering } from '@mesh/infra';
import { sigkill } from '@mesh/messaging/testing';
import { type ChildProcess, spawn } from 'node:child_process';

import { freePort } from '../../../kit/src/free-port';

const READY_TIMEOUT_MS = 30_000;

/**
 * A MongoDB-compatible server of the run's own (mongod when installed, else FerretDB), on a free
 * port with its data in a directory of the run: the soak kills and restarts it without touching
 * the developer's server. What it acknowledged survives a restart (its data is on disk).
 */
export class KillableMongoServer {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly command: MongoServerCommand,
  ) {}

  static async start(dataDir: string, log: (line: string) => void): Promise<KillableMongoServer> {
    const port = await freePort();
    const command = await ownMongoServerCommand({ port, dataDir, log });
    if (!command)
      throw new Error(
        'no MongoDB-compatible server to start: install mongod, or Go to build FerretDB (tools/ferretdb)',
      );
    const server = new KillableMongoServer(port, command);
    await server.restart();
    return server;
  }

  get kind(): MongoServerCommand['kind'] {
    return this.command.kind;
  }

  /** The server's URL with `database` as its path. */
  url(database: string): string {
    return `mongodb://127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server (again) and waits until it answers a ping. */
  async restart(): Promise<void> {
    if (this.child) throw new Error(`${this.command.kind} on port ${this.port} is already running`);
    const child = spawn(this.command.command, this.command.args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
    let exited = false;
    child.once('exit', () => {
      exited = true;
      if (this.child === child) this.child = undefined;
    });
    try {
      await waitUntilAnswering(() => pingMongo(this.url('admin')), {
        timeoutMs: READY_TIMEOUT_MS,
        port: this.port,
        exited: () => (exited ? stderr.trim() || 'no output' : undefined),
      });
    } catch (error) {
      throw new Error(`${this.command.kind} on port ${this.port}: ${(error as Error).message}`, { cause: error });
    }
  }

  /** SIGKILL: every connection drops at once, as when the database host dies. */
  kill(): Promise<void> {
    return sigkill(this.child);
  }
}
