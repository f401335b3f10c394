import type { JsonSchema } from '../schema/json-schema';

interface Bound {
  value: number;
  exclusive: boolean;
}

function numberBound(node: JsonSchema, inclusive: string, exclusive: string, lower: boolean): Bound | null {
  const candidates: Bound[] = [];
  if (typeof node[inclusive] === 'number') candidates.push({ value: node[inclusive] as number, exclusive: false });
  if (typeof node[exclusive] === 'number') candidates.push({ value: node[exclusive] as number, exclusive: true });
  // The stricter of the two applies.
  candidates.sort(
    (a, b) => (lower ? b.value - a.value : a.value - b.value) || Number(b.exclusive) - Number(a.exclusive),
  );
  return candidates[0] ?? null;
}

function tighter(before: Bound | null, after: Bound | null, lower: boolean): boolean {
  if (after === null) return false;
  if (before === null) return true;
  if (after.value !== before.value) return lower ? after.value > before.value : after.value < before.value;
  return after.exclusive && !before.exclusive;
}

function describeBound(bound: Bound | null, lower: boolean): string {
  if (bound === null) return 'none';
  return `${lower ? (bound.exclusive ? '>' : '≥') : bound.exclusive ? '<' : '≤'} ${bound.value}`;
}

/**
 * Bounds that moved inwards: minimum/maximum (inclusive or exclusive), lengths, item and property
 * counts, a `multipleOf` the old step is not a multiple of, and `uniqueItems` switched on.
 */
export function tightenedBounds(previous: JsonSchema, current: JsonSchema): string[] {
  const details: string[] = [];
  for (const lower of [true, false]) {
    const [inclusive, exclusive] = lower ? ['minimum', 'exclusiveMinimum'] : ['maximum', 'exclusiveMaximum'];
    const before = numberBound(previous, inclusive, exclusive, lower);
    const after = numberBound(current, inclusive, exclusive, lower);
    if (tighter(before, after, lower)) {
      details.push(`${lower ? 'minimum' : 'maximum'} ${describeBound(before, lower)} → ${describeBound(after, lower)}`);
    }
  }
  for (const keyword of ['minLength', 'minItems', 'minProperties']) {
    const before = typeof previous[keyword] === 'number' ? (previous[keyword] as number) : 0;
    const after = current[keyword];
    if (typeof after === 'number' && after > before) details.push(`${keyword} ${before} → ${after}`);
  }
  for (const keyword of ['maxLength', 'maxItems', 'maxProperties']) {
    const before = previous[keyword];
    const after = current[keyword];
    if (typeof after === 'number' && (typeof before !== 'number' || after < before)) {
      details.push(`${keyword} ${typeof before === 'number' ? before : 'none'} → ${after}`);
    }
  }
  const step = current['multipleOf'];
  const previousStep = previous['multipleOf'];
  if (typeof step === 'number' && (typeof previousStep !== 'number' || !isMultiple(previousStep, step))) {
    details.push(`multipleOf ${typeof previousStep === 'number' ? previousStep : 'none'} → ${step}`);
  }
  if (current['uniqueItems'] === true && previous['uniqueItems'] !== true) details.push('items must now be unique');
  return details;
}

function isMultiple(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}
