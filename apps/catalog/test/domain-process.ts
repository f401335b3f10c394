import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/**
 * A domain service running as its own process from its sources, exactly as its main.ts starts it
 * (`runService`), compiled on the fly by @swc-node/register as the tests compile it. A process of
 * its own, not an import: an app never imports another app's code, and a mesh is processes.
 */
export class DomainProcess {
  private readonly lines: string[] = [];
  private readonly exited: Promise<unknown>;

  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        this.lines.splice(0, Math.max(0, this.lines.length - 40));
      });
    }
    this.exited = once(child, 'exit');
  }

  /** Starts `apps/<name>/src/main.ts` on `port` with `env`, and waits until `/health/ready` answers 200. */
  static async start(
    name: string,
    port: number,
    env: Record<string, string>,
    timeoutMs: number,
  ): Promise<DomainProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join('apps', name, 'src', 'main.ts')], {
      cwd: WORKSPACE_ROOT,
      env: {
        ...process.env,
        // swc-node must read the @mesh/* paths from the base tsconfig, relative to the workspace.
        SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'tsconfig.base.json'),
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const domain = new DomainProcess(name, `http://127.0.0.1:${port}`, child);
    await domain.waitUntilReady(timeoutMs);
    return domain;
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    let last = 'no answer yet';
    while (Date.now() < deadline && !exited) {
      try {
        const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
        last = `${response.status} ${await response.text()}`;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await sleep(250);
    }
    await this.stop();
    const why = exited ? 'exited before it was ready' : `was not ready after ${timeoutMs} ms (last answer: ${last})`;
    throw new Error(`${this.name} ${why}; its last lines:\n${this.lines.join('\n')}`);
  }

  /** SIGTERM (it drains and closes), SIGKILL if it is still there after 15 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}
