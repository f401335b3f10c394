import { type Diff, isRequestBodySchema, isResponseSchema } from 'api-smart-diff';

const VERB = { add: 'Added', remove: 'Removed', replace: 'Changed', rename: 'Renamed' } as const;

/** `GET /orders/{id}`, the path alone for a change to the whole path, or the JSON pointer elsewhere. */
export function operationOf(diff: Diff): string {
  const path = operationPath(diff);
  if (path === undefined) return `document ${pointer(diff.path)}`;
  const method = diff.path[2];
  return typeof method === 'string' ? `${method.toUpperCase()} ${path}` : path;
}

export function operationPath(diff: Diff): string | undefined {
  return diff.path[0] === 'paths' && typeof diff.path[1] === 'string' ? diff.path[1] : undefined;
}

/**
 * What changed, in one sentence. A change inside a request or response body names the field by its
 * path in the body (`items[].sku`) and where it is: the library's own sentence names it only where
 * the schema is first used and says "annotation (…)" wherever the same `$ref` appears again. Other
 * changes (operations, parameters, status codes) keep the library's sentence.
 */
export function describeChange(diff: Diff): string {
  if (diff.path.at(-1) === 'x-required-scope') {
    const scopes = diff.action === 'add' ? `none → ${String(diff.after)}` : `${String(diff.before)} → ${String(diff.after)}`;
    return `[${VERB[diff.action]}] the access token scope it requires (${scopes})`;
  }
  const where = bodyLocation(diff);
  if (where !== undefined) return `[${VERB[diff.action]}] ${schemaTarget(diff)} in ${where}`;
  const description = diff.description?.trim() ?? '';
  return description.startsWith('[') ? description : `[${VERB[diff.action]}] ${pointer(diff.path)}`;
}

/** The removed property a `required` entry named, so the two lines of one removal can be told apart. */
export function removedRequiredField(diff: Diff): string | undefined {
  const { field, keyword } = splitSchemaPath(diff);
  if (diff.action !== 'remove' || !keyword.startsWith('required/')) return undefined;
  return joinField(field, String(diff.before));
}

function bodyLocation(diff: Diff): string | undefined {
  if (isResponseSchema(diff.path)) return `response ${String(diff.path[4])} (${String(diff.path[6])})`;
  if (isRequestBodySchema(diff.path)) return `the request body (${String(diff.path[5])})`;
  return undefined;
}

function schemaTarget(diff: Diff): string {
  const { field, keyword } = splitSchemaPath(diff);
  const value = diff.action === 'add' ? diff.after : diff.before;
  if (keyword === '') return field === '' ? 'the body schema' : `property \`${field}\``;
  if (keyword.startsWith('required/')) return `required status of \`${joinField(field, String(value))}\``;
  if (keyword.startsWith('enum/')) return `enum value ${JSON.stringify(value)} of \`${field || 'the body'}\``;
  const change = diff.action === 'replace' ? ` (${JSON.stringify(diff.before)} → ${JSON.stringify(diff.after)})` : '';
  return `\`${keyword}\` of \`${field || 'the body'}\`${change}`;
}

/** `…/schema/properties/items/items/properties/sku/maxLength` → field `items[].sku`, keyword `maxLength`. */
function splitSchemaPath(diff: Diff): { field: string; keyword: string } {
  const inner = diff.path.slice(diff.path.indexOf('schema') + 1).map(String);
  let field = '';
  let index = 0;
  while (index < inner.length) {
    if (inner[index] === 'properties' && index + 1 < inner.length) {
      field = joinField(field, inner[index + 1]);
      index += 2;
    } else if (inner[index] === 'items') {
      field += '[]';
      index += 1;
    } else break;
  }
  return { field, keyword: inner.slice(index).join('/') };
}

function joinField(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

export function pointer(path: readonly (string | number)[]): string {
  return `/${path.map((key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}
