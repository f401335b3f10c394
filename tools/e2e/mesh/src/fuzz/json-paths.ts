export type JsonObject = Record<string, unknown>;
export type JsonPath = ReadonlyArray<string | number>;

/** Paths of every field of an object and of the objects in its arrays, e.g. `items.0.sku`. */
export function fieldPaths(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => fieldPaths(item, [...prefix, index]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...fieldPaths(child, [...prefix, key])]);
}

/** Paths of the objects themselves (the root, `items.0`, …): where an unknown field can go. */
export function objectPaths(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => objectPaths(item, [...prefix, index]));
  if (typeof value !== 'object' || value === null) return [];
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => objectPaths(child, [...prefix, key]))];
}

/** A copy of `root` with the value at `path` replaced (or removed when `value` is `REMOVE`). */
export function withValueAt(root: unknown, path: JsonPath, value: unknown): unknown {
  const copy = structuredClone(root);
  if (path.length === 0) return value;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
  return copy;
}

export const REMOVE = Symbol('remove');

export function describePath(path: JsonPath): string {
  return path.length === 0 ? '(body)' : path.join('.');
}
