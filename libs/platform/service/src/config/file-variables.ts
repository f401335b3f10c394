import { readFileSync } from 'node:fs';

import { errorMessage } from '../error-message';
import type { ConfigProblem } from './config-validation.error';

export type EnvSource = Readonly<Record<string, string | undefined>>;

export interface ResolvedEnv {
  readonly env: Record<string, string | undefined>;
  readonly problems: ConfigProblem[];
}

/**
 * Picks the declared variables out of the environment, reading `<NAME>_FILE`
 * when set (Docker/Swarm secrets are mounted as files). Only declared names get
 * this treatment: an unrelated `LOG_FILE` must not be read as a secret.
 */
export function resolveFileVariables(source: EnvSource, names: Iterable<string>): ResolvedEnv {
  const env: Record<string, string | undefined> = {};
  const problems: ConfigProblem[] = [];
  for (const name of new Set(names)) {
    const direct = nonEmpty(source[name]);
    const path = nonEmpty(source[`${name}_FILE`]);
    if (path === undefined) {
      env[name] = direct;
    } else if (direct !== undefined) {
      problems.push({ variable: name, message: `both ${name} and ${name}_FILE are set; set only one` });
    } else {
      const read = readSecret(name, path);
      if ('problem' in read) problems.push(read.problem);
      else env[name] = read.value;
    }
  }
  return { env, problems };
}

function readSecret(name: string, path: string): { value: string } | { problem: ConfigProblem } {
  try {
    // Secret files usually end with the newline an editor or `echo` added.
    return { value: readFileSync(path, 'utf8').replace(/\r?\n$/, '') };
  } catch (error) {
    return { problem: { variable: `${name}_FILE`, message: `cannot read file "${path}": ${errorMessage(error)}` } };
  }
}

// Compose and Swarm files often write `NAME=` to mean "not set".
function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
