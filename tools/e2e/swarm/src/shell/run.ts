import { spawn } from 'node:child_process';

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Written to the command's stdin, then closed (e.g. a build context tar or a secret). */
  readonly input?: Buffer | string;
  /** Each output line as it comes (long builds show progress); the result still holds it all. */
  readonly onLine?: (line: string) => void;
  readonly timeoutMs?: number;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end and captures its output; never throws for a non-zero exit. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const lines = options.onLine ? lineSplitter(options.onLine) : undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      lines?.(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      lines?.(chunk);
    });
    child.once('error', (error) => reject(new Error(`could not run ${command}: ${error.message}`, { cause: error })));
    child.once('close', (code) =>
      resolvePromise({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    // A command that exits before reading all its input closes the pipe: that is its exit code's business.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Like run, but a non-zero exit is an error that shows the command and the end of its output. */
export async function runChecked(command: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  const result = await run(command, args, options);
  if (result.code !== 0) throw commandFailure(command, args, result);
  return result.stdout;
}

/** A failed command as an error: the command line, its exit code and the end of its output. */
export function commandFailure(command: string, args: readonly string[], result: RunResult): Error {
  const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-25).join('\n    ');
  return new Error(`${command} ${args.join(' ')} exited with ${result.code}:\n    ${output}`);
}

function lineSplitter(onLine: (line: string) => void): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    const parts = (pending + chunk.toString('utf8')).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) onLine(line);
  };
}
