import type { JsonSchema } from '../schema/json-schema';
import { tightenedBounds } from './compare-bounds';
import type { SchemaChange } from './compat-finding';
import { constraintsText, isAnnotation } from './schema-walk';

/** Keywords with their own rule here or in `compareEventSchemas`; any other assertion is compared whole. */
const understood = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'uniqueItems',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'anyOf',
  'oneOf',
]);

/** The JSON types a node allows; null means any. */
export function typesOf(node: JsonSchema): string[] | null {
  const type = node['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((entry): entry is string => typeof entry === 'string');
  return null;
}

/** Types the previous schema allowed that the current one refuses (`integer` is inside `number`). */
export function narrowedTypes(previous: JsonSchema, current: JsonSchema): SchemaChange['detail'] | null {
  const before = typesOf(previous);
  const after = typesOf(current);
  if (after === null) return null;
  if (before === null) return `any type → ${after.join(' | ')}`;
  const lost = before.filter((type) => !after.includes(type) && !(type === 'integer' && after.includes('number')));
  return lost.length > 0 ? `${before.join(' | ')} → ${after.join(' | ')}` : null;
}

/** Everything but types and structure: enums, formats, patterns, bounds and unknown assertions. */
export function compareValueKeywords(field: string, previous: JsonSchema, current: JsonSchema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const add = (rule: SchemaChange['rule'], detail: string) => changes.push({ field, rule, detail });

  const enumDetail = narrowedEnum(previous, current);
  if (enumDetail) add('enum-narrowed', enumDetail);
  if (typeof current['format'] === 'string' && current['format'] !== previous['format']) {
    add(
      'format-tightened',
      previous['format']
        ? `format ${String(previous['format'])} → ${current['format']}`
        : `format ${current['format']} added`,
    );
  }
  if (typeof current['pattern'] === 'string' && current['pattern'] !== previous['pattern']) {
    add(
      'pattern-tightened',
      previous['pattern'] ? `pattern changed to /${current['pattern']}/` : `pattern /${current['pattern']}/ added`,
    );
  }
  for (const detail of tightenedBounds(previous, current)) add('bound-tightened', detail);
  for (const keyword of Object.keys(current)) {
    if (understood.has(keyword) || isAnnotation(keyword)) continue;
    if (constraintsText(current[keyword]) !== constraintsText(previous[keyword])) {
      add('constraint-added', `"${keyword}" added or changed; the gate cannot prove it accepts all earlier data`);
    }
  }
  return changes;
}

function allowedValues(node: JsonSchema): unknown[] | null {
  if (Array.isArray(node['enum'])) return node['enum'];
  return 'const' in node ? [node['const']] : null;
}

function narrowedEnum(previous: JsonSchema, current: JsonSchema): string | null {
  const after = allowedValues(current);
  if (after === null) return null;
  const before = allowedValues(previous);
  const shown = (values: unknown[]) => values.map((value) => JSON.stringify(value)).join(', ');
  if (before === null) return `values now limited to ${shown(after)}`;
  const kept = new Set(after.map((value) => constraintsText(value)));
  const removed = before.filter((value) => !kept.has(constraintsText(value)));
  return removed.length > 0 ? `value(s) ${shown(removed)} no longer allowed` : null;
}
