import { run, runChecked, type RunOptions, type RunResult } from './run';

/**
 * The docker CLI. `DOCKER` picks another binary; the default is the first `docker` on PATH,
 * which must be able to talk to the daemon (any client from 20.10 negotiates the API version).
 */
export const DOCKER = process.env['DOCKER'] || 'docker';

export function docker(args: readonly string[], options?: RunOptions): Promise<string> {
  return runChecked(DOCKER, args, options);
}

export function dockerResult(args: readonly string[], options?: RunOptions): Promise<RunResult> {
  return run(DOCKER, args, options);
}

/** `docker <args> --format '{{json .}}'` style output: one JSON document per line. */
export async function dockerJsonLines<T>(args: readonly string[]): Promise<T[]> {
  const output = await docker(args);
  return output
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export async function imageExists(reference: string): Promise<boolean> {
  return (await dockerResult(['image', 'inspect', '--format', '{{.Id}}', reference])).code === 0;
}
