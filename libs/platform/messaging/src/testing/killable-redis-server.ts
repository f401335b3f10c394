import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';

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
    private readonly appendOnlyDir: string | undefined,
  ) {}

  static async start(options: { appendOnlyDir?: string } = {}): Promise<KillableRedisServer> {
    const server = new KillableRedisServer(await freePort(), options.appendOnlyDir);
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on its port and waits until it answers. */
  async restart(): Promise<void> {
    if (this.child) throw new Error(`redis-server on port ${this.port} is already running`);
    const persistence = this.appendOnlyDir
      ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.appendOnlyDir]
      : ['--appendonly', 'no'];
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence];
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.child = child;
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    await waitUntilAnswering(this.port);
  }

  /** SIGKILL: connections drop at once, as when a Redis host dies. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}

/** PING answers PONG only once the server is up and has loaded its append-only file. */
async function waitUntilAnswering(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let reply = '';
  while ((reply = await ping(port)) !== '+PONG') {
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
