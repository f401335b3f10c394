import type { JsonSchema } from '../schema/json-schema';

type Json = JsonSchema[string];

/**
 * Prepares an event's JSON Schema for embedding in another document (AsyncAPI): drops `$schema`
 * and `$id`, and moves `$defs` out under `componentPrefix` so that local `$ref`s, which would
 * otherwise resolve against the embedding document's root, point to where the definitions went.
 */
export function embedSchema(
  schema: JsonSchema,
  componentPrefix: string,
  componentsPath: string,
): { schema: JsonSchema; definitions: Record<string, JsonSchema> } {
  const { $schema: _schema, $id: _id, $defs, definitions: legacyDefinitions, ...rest } = schema;
  const moved = { ...asRecord(legacyDefinitions), ...asRecord($defs) };
  let refersToRoot = false;
  const target = (name: string | null) => {
    refersToRoot ||= name === null;
    return name === null ? `${componentsPath}/${componentPrefix}` : `${componentsPath}/${componentPrefix}.${name}`;
  };
  const rewrite = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, Json> = {};
    for (const [key, child] of Object.entries(value)) {
      copy[key] = key === '$ref' && typeof child === 'string' ? rewriteRef(child, target) : rewrite(child);
    }
    return copy;
  };
  const definitions: Record<string, JsonSchema> = {};
  for (const [name, definition] of Object.entries(moved)) {
    definitions[`${componentPrefix}.${name}`] = rewrite(definition) as JsonSchema;
  }
  const embedded = rewrite(rest) as JsonSchema;
  // A recursive schema refers to its own root, which then needs a place of its own.
  if (refersToRoot) definitions[componentPrefix] = embedded;
  return { schema: embedded, definitions };
}

function rewriteRef(ref: string, target: (name: string | null) => string): string {
  if (ref === '#') return target(null);
  const match = /^#\/(?:\$defs|definitions)\/([^/]+)$/.exec(ref);
  if (match) return target(match[1]);
  throw new Error(`schema reference "${ref}" cannot be embedded; only # and #/$defs/<name> references are supported`);
}

function asRecord(value: Json | undefined): Record<string, JsonSchema> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, JsonSchema>)
    : {};
}
