import { asNode, resolveRefs, type SchemaNode, variantsOf } from '../compat/schema-walk';
import type { JsonSchema } from '../schema/json-schema';
import { compact, type JsonObject, type JsonValue } from './json-document';

/** Where the walk is: the schema's root (for `$ref`s) and the classifications by field pointer. */
export interface PropertyContext {
  root: JsonSchema;
  /** `/email`, `/lines/sku` (array items add no segment) → `pii`. */
  classifications: ReadonlyMap<string, string>;
  /** Pointers the walk met, to tell a classified field that does not exist. */
  visited: Set<string>;
  /** The `$ref`s being expanded on the way down: a recursive schema stops where it repeats. */
  expanding?: string[];
}

const stringOptions = ['minLength', 'maxLength', 'format'] as const;
const numberOptions = ['minimum', 'maximum', 'multipleOf'] as const;
const arrayOptions = ['minItems', 'maxItems', 'uniqueItems'] as const;

/** The properties of an object schema as ODCS v3 schema properties, nested objects and arrays included. */
export function odcsPropertiesOf(
  objectSchema: JsonSchema,
  pointer: string,
  example: unknown,
  context: PropertyContext,
): JsonObject[] {
  const properties = objectSchema['properties'];
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) return [];
  const required = new Set(Array.isArray(objectSchema['required']) ? objectSchema['required'] : []);
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    ...odcsPropertyOf(asNode(schema), `${pointer}/${name}`, required.has(name), childOf(example, name), context),
  }));
}

function odcsPropertyOf(
  node: SchemaNode,
  pointer: string,
  required: boolean,
  example: unknown,
  context: PropertyContext,
): JsonObject {
  context.visited.add(pointer);
  const resolved = resolveRefs(node, context.root);
  const variants = variantsOf(resolved.node).map((variant) => resolveRefs(variant, context.root));
  const refs = [...resolved.refs, ...variants.flatMap((variant) => variant.refs)];
  const expanding = context.expanding ?? [];
  const repeated = refs.find((ref) => expanding.includes(ref));
  if (repeated)
    return {
      logicalType: 'object',
      required,
      description: `Recursive: the shape of ${repeated} again; see the JSON Schema.`,
    };
  context.expanding = [...expanding, ...refs];
  try {
    return describeProperty(
      variants.map((variant) => variant.node),
      pointer,
      required,
      example,
      context,
    );
  } finally {
    context.expanding = expanding;
  }
}

function describeProperty(
  variants: SchemaNode[],
  pointer: string,
  required: boolean,
  example: unknown,
  context: PropertyContext,
): JsonObject {
  const nonNull = variants.filter((variant) => !(typeof variant === 'object' && variant['type'] === 'null'));
  const nullable = nonNull.length < variants.length || typesOf(nonNull[0]).includes('null');
  const schema = nonNull.length === 1 && typeof nonNull[0] === 'object' ? nonNull[0] : {};
  const jsonType = typesOf(schema).find((type) => type !== 'null');
  const dateOnly = jsonType === 'string' && schema['format'] === 'date';
  const values = Array.isArray(schema['enum']) ? schema['enum'] : 'const' in schema ? [schema['const']] : undefined;

  return compact({
    logicalType: nonNull.length === 1 && jsonType ? (dateOnly ? 'date' : jsonType) : undefined,
    physicalType: nonNull.length === 1 ? jsonType : undefined,
    description: description(schema, nonNull.length),
    // ODCS `required` means never null, JSON Schema's means always present: both must hold.
    required: required && !nullable,
    classification: context.classifications.get(pointer) ?? stringOf(schema['classification']),
    logicalTypeOptions: jsonType ? logicalTypeOptions(schema, jsonType, dateOnly) : undefined,
    quality: values ? [{ type: 'library', rule: 'validValues', validValues: values as JsonValue[] }] : undefined,
    examples: isScalar(example) ? [example] : undefined,
    properties: jsonType === 'object' ? nonEmpty(odcsPropertiesOf(schema, pointer, example, context)) : undefined,
    items: jsonType === 'array' ? itemsOf(schema, pointer, example, context) : undefined,
  });
}

function itemsOf(
  schema: JsonSchema,
  pointer: string,
  example: unknown,
  context: PropertyContext,
): JsonObject | undefined {
  if (schema['items'] === undefined) return undefined;
  const first = Array.isArray(example) ? example[0] : undefined;
  const { required: _required, ...item } = odcsPropertyOf(asNode(schema['items']), pointer, true, first, context);
  return item;
}

function logicalTypeOptions(schema: JsonSchema, jsonType: string, dateOnly: boolean): JsonObject | undefined {
  const options: JsonObject = {};
  const copy = (keys: readonly string[]) =>
    keys.forEach((key) => schema[key] !== undefined && (options[key] = schema[key]));
  if (dateOnly) options['format'] = 'yyyy-MM-dd';
  else if (jsonType === 'string') {
    copy(stringOptions);
    // A format implies its own pattern; show a pattern only where it is the whole rule.
    if (schema['format'] === undefined && typeof schema['pattern'] === 'string') options['pattern'] = schema['pattern'];
  } else if (jsonType === 'integer' || jsonType === 'number') {
    copy(numberOptions);
    // ODCS v3.0 takes exclusive bounds as booleans beside minimum/maximum.
    if (typeof schema['exclusiveMinimum'] === 'number')
      Object.assign(options, { minimum: schema['exclusiveMinimum'], exclusiveMinimum: true });
    if (typeof schema['exclusiveMaximum'] === 'number')
      Object.assign(options, { maximum: schema['exclusiveMaximum'], exclusiveMaximum: true });
  } else if (jsonType === 'array') copy(arrayOptions);
  return Object.keys(options).length > 0 ? options : undefined;
}

function description(schema: JsonSchema, variants: number): string | undefined {
  if (variants > 1) return 'One of several shapes; see the JSON Schema.';
  return stringOf(schema['description']);
}

function typesOf(node: SchemaNode | undefined): string[] {
  if (node === undefined || typeof node === 'boolean') return [];
  const type = node['type'];
  return typeof type === 'string'
    ? [type]
    : Array.isArray(type)
      ? type.filter((entry): entry is string => typeof entry === 'string')
      : [];
}

function childOf(example: unknown, name: string): unknown {
  return example !== null && typeof example === 'object' && !Array.isArray(example)
    ? (example as Record<string, unknown>)[name]
    : undefined;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function nonEmpty(list: JsonObject[]): JsonObject[] | undefined {
  return list.length > 0 ? list : undefined;
}
