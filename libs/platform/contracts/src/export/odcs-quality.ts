import type { DataProduct } from '../product/data-product';
import type { QualityRuleDefinition } from '../product/quality-rules';
import type { JsonObject } from './json-document';

/**
 * The ODCS `quality` list of one event type (a schema object): each manifest rule on that type.
 * A `unique` rule is ODCS's library rule `duplicateCount` that must be 0; an `each` rule is a
 * custom check run by the producing service (`@mesh/service`) on its newest events, named by its
 * id. Either way the sample is the stream's newest entries, which `customProperties` say.
 */
export function odcsQualityOf(product: DataProduct, eventType: string): JsonObject[] {
  return (product.definition.quality ?? [])
    .filter((rule) => 'eventTypes' in rule && rule.eventTypes.includes(eventType))
    .map((rule) => odcsRule(rule));
}

function odcsRule(rule: QualityRuleDefinition): JsonObject {
  const common = { name: rule.id, description: rule.description, dimension: rule.dimension };
  const where = [{ property: 'sample', value: 'the newest entries of the stream (XREVRANGE), checked by the producer' }];
  if (rule.kind === 'unique') {
    return { ...common, type: 'library', rule: 'duplicateCount', mustBe: 0, unit: 'rows', customProperties: where };
  }
  return {
    ...common,
    type: 'custom',
    engine: 'mesh-data-product',
    implementation: `the check of quality rule "${rule.id}" in the product definition (defineDataProduct quality)`,
    customProperties: where,
  };
}
