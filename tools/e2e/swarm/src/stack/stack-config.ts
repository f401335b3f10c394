import { parse } from 'yaml';

import { run } from '../shell/run';
import { WORKSPACE_ROOT } from '../workspace';

/** The parts of `docker stack config` output that the checks read. */
export interface ResolvedService {
  image: string;
  environment?: Record<string, string>;
  secrets?: { source: string; target?: string }[];
  networks?: Record<string, unknown>;
  ports?: { mode?: string; target: number; published: number | string }[];
  healthcheck?: { test?: string[]; disable?: boolean };
  deploy?: {
    mode?: string;
    replicas?: number;
    endpoint_mode?: string;
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
  configs: Record<string, { file?: string }>;
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
export async function resolveStackConfig(files: readonly string[], variables: Record<string, string> = {}): Promise<StackConfigResult> {
  const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root', ...variables };
  const docker = process.env['DOCKER'] || 'docker';
  const result = await run(docker, ['stack', 'config', ...files.flatMap((file) => ['-c', file])], { cwd: WORKSPACE_ROOT, env });
  if (result.code !== 0) {
    throw new Error(
      `${docker} stack config failed (${result.code}): ${result.stderr.trim()}\n` +
        '(this check needs a Docker CLI that has `docker stack config`; Debian 12 docker.io 20.10 has not, Docker CE 23+ has)',
    );
  }
  return { stack: parse(result.stdout) as ResolvedStack, warnings: result.stderr.trim() };
}
