/** Plain JSON data: what the exporters build and the renderer writes as YAML or JSON. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

/** Drops `undefined` entries so that optional parts simply do not appear in a document. */
export function compact<T extends Record<string, JsonValue | undefined>>(entries: T): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined) result[key] = value;
  }
  return result;
}
