import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { docker } from '../shell/docker';
import { WORKSPACE_ROOT } from '../workspace';

/**
 * The Node.js version inside an app image, which must be of the line .nvmrc names or newer: the
 * services are built and tested on it, and an image on an older line would run what no test ran.
 */
export async function expectCurrentNode(image: string): Promise<string> {
  const version = (await docker(['run', '--rm', '--entrypoint', 'node', image, '--version'])).trim();
  const required = Number(readFileSync(join(WORKSPACE_ROOT, '.nvmrc'), 'utf8').trim().replace(/^v/, '').split('.')[0]);
  const major = Number(/^v(\d+)\./.exec(version)?.[1]);
  if (!(major >= required)) throw new Error(`${image} runs Node.js ${version}; .nvmrc asks for ${required} or newer`);
  return version;
}
