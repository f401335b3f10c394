import type { JsonSchema } from '../schema/json-schema';

/** A schema node: JSON Schema allows `true` (anything) and `false` (nothing) besides objects. */
export type SchemaNode = JsonSchema | boolean;

/** Keywords that describe or organise a schema without constraining the data. */
const annotations = new Set([
  '$schema',
  '$id',
  '$anchor',
  '$comment',
  '$defs',
  'definitions',
  'title',
  'description',
  'default',
  'examples',
  'example',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
  'classification',
]);

export function isAnnotation(keyword: string): boolean {
  return annotations.has(keyword) || keyword.startsWith('x-');
}

export function asNode(value: unknown): SchemaNode {
  if (typeof value === 'boolean') return value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as JsonSchema;
  return true;
}

/**
 * Follows local `$ref`s (`#`, `#/$defs/…`) within `root`; keywords beside a `$ref` apply too, as
 * in draft 2020-12. Returns the node and the chain of refs it went through (for cycle checks).
 */
export function resolveRefs(node: SchemaNode, root: JsonSchema): { node: SchemaNode; refs: string[] } {
  const refs: string[] = [];
  let current = node;
  while (typeof current === 'object' && typeof current['$ref'] === 'string') {
    const ref = current['$ref'];
    if (refs.includes(ref)) break;
    refs.push(ref);
    const { $ref: _ref, ...siblings } = current;
    const target = lookUp(root, ref);
    current =
      typeof target === 'object' ? { ...target, ...siblings } : Object.keys(siblings).length ? siblings : target;
  }
  return { node: current, refs };
}

function lookUp(root: JsonSchema, ref: string): SchemaNode {
  if (!ref.startsWith('#')) {
    throw new Error(`schema reference "${ref}" is not local; contracts must be self-contained`);
  }
  let value: unknown = root;
  for (const token of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (value === undefined) throw new Error(`schema reference "${ref}" points nowhere`);
  return asNode(value);
}

/** The alternatives a node accepts: its `anyOf`/`oneOf` branches, each with the node's other keywords. */
export function variantsOf(node: SchemaNode): SchemaNode[] {
  if (typeof node === 'boolean') return [node];
  const branches = node['anyOf'] ?? node['oneOf'];
  if (!Array.isArray(branches)) return [node];
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = node;
  return branches.map((branch) => {
    const variant = asNode(branch);
    return typeof variant === 'object' ? { ...rest, ...variant } : variant;
  });
}

const schemaMaps = new Set(['properties', 'patternProperties', 'dependentSchemas']);
const schemaLists = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const subschemas = new Set([
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
]);

/**
 * A canonical text of what a schema node accepts: annotations dropped (at schema level only, so
 * a property called `description` stays), keys sorted. Equal texts mean equal constraints.
 */
export function constraintsText(node: unknown): string {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return stableJson(node);
  const parts = Object.entries(node as Record<string, unknown>)
    .filter(([keyword]) => !isAnnotation(keyword))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([keyword, value]) => `${JSON.stringify(keyword)}:${keywordText(keyword, value)}`);
  return `{${parts.join(',')}}`;
}

function keywordText(keyword: string, value: unknown): string {
  if (subschemas.has(keyword)) return constraintsText(value);
  if (schemaLists.has(keyword) && Array.isArray(value)) return `[${value.map(constraintsText).join(',')}]`;
  if (schemaMaps.has(keyword) && value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, child]) => `${JSON.stringify(name)}:${constraintsText(child)}`).join(',')}}`;
  }
  return stableJson(value);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${stableJson(child)}`).join(',')}}`;
}

/** `lines` + `quantity` → `lines.quantity`; the root is `(root)`. */
export function childPath(path: string, child: string): string {
  return path === '(root)' ? child : `${path}.${child}`;
}
