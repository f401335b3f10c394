import { ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';

import { freePort } from './free-port';
import { sigkill } from './sigkill';

export interface KillableRedisServerOptions {
  /** Persist to an append-only file in this directory, fsynced on every write. */
  appendOnlyDir?: string;
  /** Load users from this ACL file (`--aclfile`); connections must then authenticate. */
  aclFile?: string;
  /** Run as a replica of the server on this port of 127.0.0.1 (`--replicaof`). */
  replicaOf?: number;
}

/**
 * A redis-server child process of the test's own, so that a test can make Redis really
 * unreachable (SIGKILL) and bring it back on the same port. Nothing is persisted unless an
 * append-only directory is given: then every write is fsynced before it is acknowledged, so
 * what Redis confirmed survives the kill (and some of what it did not confirm may, too).
 */
export class KillableRedisServer {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly options: KillableRedisServerOptions,
  ) {}

  static async start(options: KillableRedisServerOptions = {}): Promise<KillableRedisServer> {
    const server = new KillableRedisServer(await freePort(), options);
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on its port and waits until it answers. */
  async restart(): Promise<void> {
    if (this.child) throw new Error(`redis-server on port ${this.port} is already running`);
    const { appendOnlyDir, aclFile, replicaOf } = this.options;
    const persistence = appendOnlyDir
      ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', appendOnlyDir]
      : ['--appendonly', 'no'];
    const acl = aclFile ? ['--aclfile', aclFile] : [];
    // Loaded from the socket: a replica would otherwise write the master's data to dump.rdb in the cwd.
    const replica =
      replicaOf === undefined ? [] : ['--replicaof', '127.0.0.1', String(replicaOf), '--repl-diskless-load', 'on-empty-db'];
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence, ...acl, ...replica];
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    this.child = child;
    // Redis logs to stdout; the tail explains a server that would not start (a bad ACL file).
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-2_000)));
    let exited = false;
    child.once('exit', () => {
      exited = true;
      if (this.child === child) this.child = undefined;
    });
    // With the default user off an unauthenticated PING gets NOAUTH, which also means "up".
    const answers = aclFile ? ['+PONG', '-NOAUTH'] : ['+PONG'];
    await waitUntilAnswering(this.port, answers, () => (exited ? log : undefined));
  }

  /**
   * SIGSTOP: the server keeps its connections but answers nothing (a replica then acknowledges
   * no replication), as a host that hangs; `resume()` (SIGCONT) lets it go on where it stopped.
   */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** SIGKILL: connections drop at once, as when a Redis host dies. */
  kill(): Promise<void> {
    return sigkill(this.child);
  }
}

/** PING answers PONG only once the server is up and has loaded its append-only file. */
async function waitUntilAnswering(port: number, answers: string[], exitLog: () => string | undefined, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await ping(port);
    if (answers.some((answer) => reply.startsWith(answer))) return;
    const log = exitLog();
    if (log !== undefined) throw new Error(`redis-server on port ${port} exited at start-up:\n${log.trim()}`);
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start (last reply: ${reply})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * One PING over a raw socket, which is destroyed at once: an ioredis client would leave a
 * two-second timer behind for a connection that was refused, keeping Jest from exiting.
 */
function ping(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (reply: string) => {
      socket.destroy();
      resolve(reply);
    };
    socket.setTimeout(1_000, () => done('(timed out)'));
    socket.once('error', (error) => done(error.message));
    socket.once('data', (data) => done(data.toString().trim()));
    socket.once('connect', () => socket.write('PING\r\n'));
  });
}
