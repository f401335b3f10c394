import { z } from 'zod';

import { EventValidationError, ValidationIssue } from './event-validation-error';
import { allowUnknownProperties, JsonSchema } from './json-schema';
import { compileValidator } from './schema-compiler';

export interface EventDefinition<TSchema extends z.ZodType> {
  /** `<domain>.<aggregate>.<fact>`, e.g. `orders.order.placed`. */
  type: string;
  /** Major version: a breaking change needs a new one, and with it a new stream. */
  version: number;
  /** The producing domain's source URI reference, e.g. `/orders`. */
  source: string;
  /** The stream (output port) that carries it; defaults to `<domain>.<aggregate>.v<version>`. */
  stream?: string;
  description: string;
  /** The one schema source: gives the TypeScript type, the JSON Schema and the validators. */
  schema: TSchema;
  /** A valid instance, used in documentation and checked when the contract is defined. */
  example: z.output<TSchema>;
}

export interface EventContract<TData = unknown> {
  readonly type: string;
  readonly version: number;
  readonly source: string;
  readonly stream: string;
  readonly description: string;
  /** The CloudEvents `dataschema` of this event type and major version. */
  readonly dataschema: string;
  readonly jsonSchema: JsonSchema;
  readonly example: TData;
  /** Producer side: unknown fields are refused. @throws EventValidationError */
  parseStrict(data: unknown): TData;
  /** Consumer side (tolerant reader): unknown fields are ignored. @throws EventValidationError */
  parseTolerant(data: unknown): TData;
}

/** The data type of a contract, e.g. `type OrderPlaced = EventData<typeof orderPlaced>`. */
export type EventData<TContract> = TContract extends EventContract<infer TData> ? TData : never;

const eventTypeFormat = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

export function defineEvent<TSchema extends z.ZodType>(
  definition: EventDefinition<TSchema>,
): EventContract<z.output<TSchema>> {
  const { type, version, source, description, schema, example } = definition;
  if (!eventTypeFormat.test(type)) {
    throw new Error(`event type "${type}" must look like <domain>.<aggregate>.<fact> in lower case`);
  }
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`event ${type}: version must be a positive integer, got ${version}`);
  }
  const [domain, aggregate] = type.split('.');
  // Pure data only: zod refuses to express transforms in JSON Schema, which keeps contracts portable.
  const jsonSchema = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as JsonSchema;
  const strict = compileValidator(jsonSchema);
  const tolerant = compileValidator(allowUnknownProperties(jsonSchema));

  const check = (validate: (data: unknown) => ValidationIssue[], data: unknown) => {
    const issues = validate(data);
    if (issues.length > 0) {
      throw new EventValidationError(type, issues);
    }
    return data as z.output<TSchema>;
  };

  check(strict, example);
  return {
    type,
    version,
    source,
    stream: definition.stream ?? `${domain}.${aggregate}.v${version}`,
    description,
    dataschema: `urn:mesh:schema:${type}:v${version}`,
    jsonSchema,
    example,
    parseStrict: (data) => check(strict, data),
    parseTolerant: (data) => check(tolerant, data),
  };
}
