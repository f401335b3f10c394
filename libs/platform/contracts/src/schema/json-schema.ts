/** A JSON Schema (draft 2020-12) document as plain data. */
export type JsonSchema = { [keyword: string]: JsonSchemaValue };
type JsonSchemaValue = string | number | boolean | null | JsonSchemaValue[] | { [key: string]: JsonSchemaValue };

/**
 * Returns a copy of `schema` that accepts unknown properties at every level: the tolerant
 * reader's view of a contract, so that a producer may add optional fields without breaking
 * consumers that do not know them yet.
 */
export function allowUnknownProperties(schema: JsonSchema): JsonSchema {
  return relax(schema) as JsonSchema;
}

function relax(value: JsonSchemaValue): JsonSchemaValue {
  if (Array.isArray(value)) {
    return value.map(relax);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const copy: { [key: string]: JsonSchemaValue } = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'additionalProperties' && child === false) {
      continue;
    }
    copy[key] = relax(child);
  }
  return copy;
}
