import type { QualityRuleDefinition, QualityRuleResult } from '@mesh/contract-kit';

/** The items a rule is checked on, newest first, or why they could not be read. */
export type QualitySample = { items: readonly unknown[]; error?: undefined } | { items?: undefined; error: string };

/** How many breaking items a result names; enough to find them, few enough to stay small. */
export const MAX_FAILING_SHOWN = 5;

/**
 * Holds one rule against its sample. `each`: every item must satisfy the rule's check; `unique`:
 * no two items may share the rule's key (the second and later of a key count as failing). A check
 * that throws on an item counts that item as failing: a rule that cannot be held is not kept.
 */
export function evaluateRule(rule: QualityRuleDefinition, sample: QualitySample): QualityRuleResult {
  const base = { id: rule.id, description: rule.description, dimension: rule.dimension, target: targetOf(rule) };
  if (sample.items === undefined) {
    return { ...base, sampled: null, failed: null, failing: [], kept: false, error: sample.error };
  }
  const breaking = rule.kind === 'each' ? notHolding(rule.holds, sample.items) : duplicated(rule.key, sample.items);
  return {
    ...base,
    sampled: sample.items.length,
    failed: breaking.length,
    failing: breaking.slice(0, MAX_FAILING_SHOWN).map(({ item, index }) => identify(item, index)),
    kept: breaking.length === 0,
  };
}

/** `orders.order.placed` (types joined by `, `) for an event rule, `api:<resource>` for a resource rule. */
export function targetOf(rule: QualityRuleDefinition): string {
  return 'eventTypes' in rule ? rule.eventTypes.join(', ') : `api:${rule.resource}`;
}

type Indexed = { item: unknown; index: number };

function notHolding(holds: (item: never) => boolean, items: readonly unknown[]): Indexed[] {
  return items.map((item, index) => ({ item, index })).filter(({ item }) => !safely(() => holds(item as never) === true));
}

function duplicated(key: (item: never) => string, items: readonly unknown[]): Indexed[] {
  const seen = new Set<string>();
  const breaking: Indexed[] = [];
  items.forEach((item, index) => {
    let value: string;
    try {
      value = String(key(item as never));
    } catch {
      breaking.push({ item, index });
      return;
    }
    if (seen.has(value)) breaking.push({ item, index });
    seen.add(value);
  });
  return breaking;
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

/** An event's id or a resource's `id`; otherwise its place in the sample (`#3`). */
function identify(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index}`;
}
