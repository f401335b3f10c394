import { type ConfigFactoryKeyHost, registerAs } from '@nestjs/config';
import { z } from 'zod';

import { loadConfig } from './load-config';

/** What ServiceModule needs from any definition, whatever its value type. */
export interface ConfigNamespace {
  readonly namespace: string;
  readonly KEY: string | symbol;
  /** Keys are the environment variable names, so issues name the variable. */
  readonly variables: z.ZodObject;
  readonly fromVariables: (variables: unknown) => object;
}

/**
 * One configuration concern (database, redis, …): the environment variables it
 * reads, their zod schemas, and the typed value the rest of the code injects.
 * It is a genuine `registerAs` factory, so the Nest idioms work unchanged:
 * `@Inject(redisConfig.KEY) config: ConfigType<typeof redisConfig>`.
 */
export type ConfigDefinition<T extends object> = (() => T) & ConfigFactoryKeyHost<T> & ConfigNamespace;

/**
 * A rule between variables: `context.addIssue({ code: 'custom', path: ['NAME'], message })`.
 * It runs even when a variable failed its own schema, so it must only look at what is set.
 */
export type CrossCheck<S extends z.ZodRawShape> = (
  variables: z.output<z.ZodObject<S>>,
  context: z.RefinementCtx<z.output<z.ZodObject<S>>>,
) => void;

export function defineConfig<S extends z.ZodRawShape>(
  namespace: string,
  variables: S,
): ConfigDefinition<z.output<z.ZodObject<S>>>;
export function defineConfig<S extends z.ZodRawShape, T extends object>(
  namespace: string,
  variables: S,
  map: (variables: z.output<z.ZodObject<S>>) => T,
  check?: CrossCheck<S>,
): ConfigDefinition<T>;
export function defineConfig<S extends z.ZodRawShape, T extends object>(
  namespace: string,
  variables: S,
  map?: (variables: z.output<z.ZodObject<S>>) => T,
  check?: CrossCheck<S>,
): ConfigDefinition<T> {
  // Rules between variables (one requires another, two exclude each other) are reported with the
  // others, by variable name: an issue's path is the variable it names.
  const schema = check ? z.object(variables).superRefine(check) : z.object(variables);
  const fromVariables = (parsed: unknown): T => (map ? map(parsed as z.output<z.ZodObject<S>>) : (parsed as T));
  // Used on its own (ConfigModule.forFeature, a script), the factory validates
  // just this concern; ServiceModule validates all concerns together instead.
  const factory = registerAs(
    namespace,
    () => loadConfig([definition], process.env).get(definition) as Record<string, unknown>,
  );
  const definition = Object.assign(factory, {
    namespace,
    variables: schema,
    fromVariables,
  }) as unknown as ConfigDefinition<T>;
  return definition;
}
