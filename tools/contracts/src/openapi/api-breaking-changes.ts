import { apiDiff, type Diff, isResponseSchema } from 'api-smart-diff';

import { describeChange, operationOf, operationPath, removedRequiredField } from './api-change-description';

export interface ApiCompatOptions {
  /** Paths retired on purpose (`--retirePath=/orders`): their removal and changes are not findings. */
  retiredPaths?: readonly string[];
}

const ADVICE =
  'Keep the operation compatible (new request fields and parameters optional, response fields kept) ' +
  'or serve the change under a new major version path (e.g. /v2/…) beside the old one';

/**
 * The breaking changes between the committed OpenAPI document and the one the code serves now, one
 * line per change: the operation, what changed and what to do.
 *
 * api-smart-diff classifies every change of an OpenAPI 3.0 document, resolving `$ref`s into each
 * operation, so a change to a shared schema is reported for every operation that uses it. Changes
 * under `components/` are classified without knowing whether a request or a response uses them
 * (or whether an operation uses them at all), so they are left out: the operations carry them.
 */
export function findBreakingApiChanges(previous: unknown, current: unknown, options: ApiCompatOptions = {}): string[] {
  const retired = new Set(options.retiredPaths ?? []);
  const breaking = apiDiff(previous, current).filter(
    (diff) => isBreaking(diff) && isContractChange(diff) && !retired.has(operationPath(diff) ?? ''),
  );
  const lines = breaking
    .filter((diff) => !isPartOfPropertyRemoval(diff, breaking))
    .map((diff) => `${operationOf(diff)}: ${describeChange(diff)}. ${ADVICE}`);
  return [...new Set(lines)];
}

/** The scope an operation asks of the access token (`@mesh/service`'s `documentScopes`). */
const REQUIRED_SCOPE = 'x-required-scope';

/**
 * The library's classification, with three departures. Two are about responses, whose rules it
 * derives by reversing the request rules:
 * - a property removed from a response is breaking even when it was optional: a client that
 *   reads it when present loses it (the event gate's `field-removed` says the same);
 * - a response `type` replaced by an unrelated one (integer → string) is breaking: reversing
 *   "breaking in a request" made it compatible. Only number → integer narrows what a client reads.
 * The third is this mesh's own extension, which the library reads as an annotation: an operation
 * that asks for another scope refuses the tokens its clients hold.
 */
function isBreaking(diff: Diff): boolean {
  if (diff.type === 'breaking') return true;
  if (diff.path.length === 4 && diff.path[3] === REQUIRED_SCOPE) return diff.action !== 'remove';
  if (!isResponseSchema(diff.path)) return false;
  const [key, parent] = [diff.path.at(-1), diff.path.at(-2)];
  if (diff.action === 'remove' && parent === 'properties') return true;
  const isTypeKeyword = key === 'type' && parent !== 'properties';
  return diff.action === 'replace' && isTypeKeyword && !(diff.before === 'number' && diff.after === 'integer');
}

function isContractChange(diff: Diff): boolean {
  return diff.path[0] !== 'components';
}

/** A removed property's `required` entry: the property's own line says it all. */
function isPartOfPropertyRemoval(diff: Diff, breaking: readonly Diff[]): boolean {
  const field = removedRequiredField(diff);
  if (field === undefined) return false;
  const parent = diff.path.slice(0, -2).join('\u0000');
  return breaking.some(
    (other) =>
      other.action === 'remove' &&
      other.path.slice(0, -2).join('\u0000') === parent &&
      other.path.at(-2) === 'properties' &&
      other.path.at(-1) === field.split('.').at(-1),
  );
}
