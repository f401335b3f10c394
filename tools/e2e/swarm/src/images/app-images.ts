import { readFileSync } from 'node:fs';

import { DOCKER, dockerResult } from '../shell/docker';
import { commandFailure } from '../shell/run';
import { crashedBuildStep } from './crashed-build-step';

/** Every service built from deploy/docker/Dockerfile. */
export const APPS = ['orders', 'customers', 'analytics', 'catalog'] as const;
export type App = (typeof APPS)[number];

export const APP_REPOSITORY_PREFIX = 'mesh-e2e';

export interface AppImageBuild {
  readonly app: App;
  readonly tag: string;
  readonly baseImage: string;
  /** From writeSourceContext. */
  readonly contextArchive: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly log: (line: string) => void;
}

/**
 * Builds one app's image with the real Dockerfile, as a user would (`docker build -f
 * deploy/docker/Dockerfile --build-arg APP=…`), on the locally built Node image. The CA bundle
 * argument lets npm through a TLS-inspecting proxy; the local base image carries that file.
 */
export async function buildAppImage(build: AppImageBuild): Promise<string> {
  const reference = `${APP_REPOSITORY_PREFIX}/${build.app}:${build.tag}`;
  const labels = Object.entries(build.labels ?? {}).flatMap(([name, value]) => ['--label', `${name}=${value}`]);
  const args = [
    'build',
    '-f',
    'deploy/docker/Dockerfile',
    '--build-arg',
    `BASE_IMAGE=${build.baseImage}`,
    '--build-arg',
    `APP=${build.app}`,
    '--build-arg',
    'NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt',
    ...labels,
    '-t',
    reference,
    '-',
  ];
  const attempt = () =>
    dockerResult(args, {
      input: readFileSync(build.contextArchive),
      // The classic builder prints "Step n/m : …" per instruction: enough to follow a slow build.
      onLine: (line) => {
        if (/^Step \d+\/\d+ : (RUN|FROM)/.test(line)) build.log(`${build.app}: ${line.slice(0, 110)}`);
      },
    });
  let result = await attempt();
  const crash = result.code === 0 ? undefined : crashedBuildStep(`${result.stdout}\n${result.stderr}`);
  if (crash) {
    // Once, and said in the log: a tool that crashes again on the same layers is a failure.
    build.log(
      `${build.app}: ${crash.command} crashed (exit ${crash.exitCode}, ${crash.signal ?? 'a signal'}); building again on the cached layers`,
    );
    result = await attempt();
  }
  if (result.code !== 0) throw commandFailure(DOCKER, args, result);
  return reference;
}
