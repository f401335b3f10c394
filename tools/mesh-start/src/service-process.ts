import { WORKSPACE_ROOT } from '@mesh/infra';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import type { MeshService } from './mesh-services';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One service as a child process of its own (as it runs in production: a crash or SIGKILL of one
 * leaves the others running), its output handed over line by line, and its last lines kept for
 * the error message when it fails to start.
 */
export class ServiceProcess {
  readonly exited: Promise<ProcessExit>;
  private readonly recentLines: string[] = [];
  private stopping = false;

  private constructor(
    readonly service: MeshService,
    private readonly child: ChildProcess,
    onLine: (line: string) => void,
  ) {
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.recentLines.push(line);
        if (this.recentLines.length > 20) this.recentLines.shift();
        onLine(line);
      });
    }
    this.exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as ProcessExit);
  }

  /**
   * `mainFile` is a build (`serviceMainFile`) or a TypeScript entry (`serviceSourceFile`), which
   * `@swc-node/register` compiles as it loads, with the decorator metadata NestJS needs.
   */
  static start(service: MeshService, mainFile: string, env: NodeJS.ProcessEnv, onLine: (line: string) => void) {
    const fromSource = mainFile.endsWith('.ts');
    const args = fromSource ? ['-r', '@swc-node/register', mainFile] : [mainFile];
    const sourceEnv = fromSource ? { SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'tsconfig.base.json') } : {};
    const child = spawn(process.execPath, ['--enable-source-maps', ...args], {
      cwd: WORKSPACE_ROOT,
      env: { ...env, ...sourceEnv, ...service.env, PORT: String(service.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A process group of its own: Ctrl-C in the terminal reaches only `npm start`, which then
      // stops each service once, with SIGTERM, after the demo traffic has stopped.
      detached: true,
    });
    return new ServiceProcess(service, child, onLine);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the exit now coming was asked for (so it is not reported as a crash). */
  get isStopping(): boolean {
    return this.stopping;
  }

  lastLines(): string[] {
    return [...this.recentLines];
  }

  /** SIGTERM (the service drains and closes), then SIGKILL if it is still there after `timeoutMs`. */
  async stop(timeoutMs: number): Promise<ProcessExit> {
    this.stopping = true;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}
