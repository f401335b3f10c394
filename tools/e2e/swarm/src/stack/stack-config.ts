import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';

import { run } from '../shell/run';
import { WORKSPACE_ROOT } from '../workspace';

/** The parts of `docker stack config` output that the checks read. */
export interface ResolvedService {
  image: string;
  command?: string[];
  user?: string;
  environment?: Record<string, string>;
  secrets?: { source: string; target?: string }[];
  configs?: { source: string; target?: string }[];
  networks?: Record<string, unknown>;
  volumes?: { type?: string; source?: string; target?: string }[];
  ports?: { mode?: string; target: number; published: number | string }[];
  healthcheck?: { test?: string[]; disable?: boolean };
  deploy?: {
    mode?: string;
    replicas?: number;
    endpoint_mode?: string;
    placement?: { constraints?: string[] };
    update_config?: { parallelism?: number; order?: string; failure_action?: string };
    rollback_config?: { parallelism?: number; order?: string };
    restart_policy?: { condition?: string };
    resources?: { limits?: { cpus?: string; memory?: string } };
  };
}

export interface ResolvedStack {
  services: Record<string, ResolvedService>;
  networks: Record<string, { driver?: string; internal?: boolean }>;
  secrets: Record<string, { external?: boolean; name?: string; file?: string }>;
  configs: Record<string, { file?: string; external?: boolean; name?: string }>;
  volumes: Record<string, unknown>;
}

export interface StackConfigResult {
  readonly stack: ResolvedStack;
  /** What docker printed on stderr: warnings such as unset variables. */
  readonly warnings: string;
}

/**
 * `docker stack config` of the given files with exactly the given variables (none of the
 * caller's), parsed. Throws with docker's message when the files do not resolve.
 */
export async function resolveStackConfig(
  files: readonly string[],
  variables: Record<string, string> = {},
): Promise<StackConfigResult> {
  const docker = await stackConfigClient();
  const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root', ...variables };
  const result = await run(docker, ['stack', 'config', ...files.flatMap((file) => ['-c', file])], {
    cwd: WORKSPACE_ROOT,
    env,
  });
  if (result.code !== 0) throw new Error(`${docker} stack config failed (${result.code}): ${result.stderr.trim()}`);
  return { stack: parse(result.stdout) as ResolvedStack, warnings: result.stderr.trim() };
}

let client: Promise<string> | undefined;

/**
 * A docker CLI that has `docker stack config` (which needs no daemon): $DOCKER, else the first
 * `docker` on PATH that has it. Debian 12's docker.io client (20.10) lacks the command; Docker's
 * own client packages have it.
 */
function stackConfigClient(): Promise<string> {
  client ??= (async () => {
    const onPath = (process.env['PATH'] ?? '').split(delimiter).map((directory) => join(directory, 'docker'));
    const candidates = [
      ...new Set(
        [process.env['DOCKER'] ?? '', ...onPath, '/usr/local/bin/docker'].filter((path) => path && existsSync(path)),
      ),
    ];
    for (const candidate of candidates) {
      // A client without the command prints `docker stack`'s own usage, and exits 0 too.
      const help = await run(candidate, ['stack', 'config', '--help']);
      if (help.code === 0 && help.stdout.includes('docker stack config')) return candidate;
    }
    throw new Error(
      `no docker CLI with \`docker stack config\` (tried: ${candidates.join(', ') || 'none on PATH'}); ` +
        "install Docker's own client (docker-ce-cli) or point DOCKER at one",
    );
  })();
  return client;
}
