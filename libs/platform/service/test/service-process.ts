import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TEST_AUTH_ENV } from './access-tokens';

const SERVICE_ROOT = join(__dirname, '..');
const WORKSPACE_ROOT = join(SERVICE_ROOT, '..', '..', '..');

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * The test app in its own Node process, started exactly as a domain's main.ts
 * would be (runService), for what only a real process shows: signals, exit codes.
 */
export class ServiceProcess {
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcessWithoutNullStreams;
  private stdoutText = '';
  private stderrText = '';

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', join(SERVICE_ROOT, 'test', 'main.ts')], {
      cwd: WORKSPACE_ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        SWC_NODE_PROJECT: join(SERVICE_ROOT, 'tsconfig.json'),
        HOST: '127.0.0.1',
        PORT: '0',
        // Not the developer's .mesh/env: its AUTH_JWKS_FILE would clash with the test key set.
        MESH_ENV_FILE: join(tmpdir(), 'mesh-service-test-no-env-file'),
        ...TEST_AUTH_ENV,
        ...env,
      },
    });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => (this.stdoutText += chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderrText += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  get stdout(): string {
    return this.stdoutText;
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Log lines the service wrote, parsed. */
  get logs(): Record<string, unknown>[] {
    return this.stdoutText
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Resolves with the base URL once the service logs that it listens. */
  async listening(timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = /listening on (http:\/\/[^"]+)/.exec(this.stdoutText);
      if (match?.[1]) return match[1];
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`service did not start listening\nstdout:\n${this.stdoutText}\nstderr:\n${this.stderrText}`);
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Last resort so a failing test never leaves a process behind. */
  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
