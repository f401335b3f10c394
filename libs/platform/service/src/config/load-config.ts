import type { z } from 'zod';

import { requiredMessage } from '../zod-messages';
import { type ConfigProblem, ConfigValidationError } from './config-validation.error';
import type { ConfigDefinition, ConfigNamespace } from './define-config';
import { type EnvSource, resolveFileVariables } from './file-variables';

/** Validated values of every concern, looked up by definition. */
export class LoadedConfig {
  constructor(private readonly values: ReadonlyMap<string, object>) {}

  get<T extends object>(definition: ConfigDefinition<T>): T;
  get(definition: ConfigNamespace): object;
  get(definition: ConfigNamespace): object {
    const value = this.values.get(definition.namespace);
    if (value === undefined) {
      throw new Error(
        `configuration "${definition.namespace}" was not registered with ServiceModule.forRoot({ config })`,
      );
    }
    return value;
  }

  entries(): Iterable<[string, object]> {
    return this.values.entries();
  }
}

/**
 * Validates all concerns against one environment and reports every problem in
 * a single ConfigValidationError rather than stopping at the first concern.
 */
export function loadConfig(definitions: readonly ConfigNamespace[], source: EnvSource): LoadedConfig {
  const names = definitions.flatMap((d) => Object.keys(d.variables.shape));
  const { env, problems } = resolveFileVariables(source, names);
  const alreadyReported = new Set(problems.map((p) => p.variable.replace(/_FILE$/, '')));
  const values = new Map<string, object>();
  for (const definition of definitions) {
    const result = definition.variables.safeParse(env, { error: requiredMessage });
    if (result.success) values.set(definition.namespace, definition.fromVariables(result.data));
    else problems.push(...toProblems(result.error.issues).filter((p) => !alreadyReported.has(p.variable)));
  }
  if (problems.length > 0) throw new ConfigValidationError(dedupe(problems));
  return new LoadedConfig(values);
}

function toProblems(issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  return issues.map((issue) => ({ variable: String(issue.path[0] ?? '(environment)'), message: issue.message }));
}

// Two concerns may share a variable (e.g. REDIS_URL); report it once.
function dedupe(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.variable}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
