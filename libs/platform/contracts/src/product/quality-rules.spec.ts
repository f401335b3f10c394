import { toOdcsContracts } from '../export/odcs-contract';
import { sampleOrderPlaced } from '../testing/sample-contract';
import { sampleProduct } from '../testing/sample-product';
import type { DataProductDefinition } from './data-product';
import { defineDataProduct } from './define-data-product';
import { envelopeRules, eventRules, type QualityEvent, type QualityRuleDefinition, resourceRules } from './quality-rules';

const withQuality = (quality: QualityRuleDefinition[]) =>
  defineDataProduct({ ...sampleProduct.definition, quality } satisfies DataProductDefinition);

const rules = [
  ...eventRules(
    [sampleOrderPlaced],
    [
      {
        id: 'lines-have-stock-units',
        description: 'Every line names a stock unit.',
        dimension: 'completeness',
        kind: 'each',
        holds: (event) => event.data.lines.every((line) => line.sku.length > 0),
      },
      { id: 'one-event-per-id', description: 'No event id twice.', dimension: 'uniqueness', kind: 'unique', key: (event) => event.id },
    ],
  ),
  ...resourceRules<{ id: string }>('sample-order', [
    { id: 'order-ids-unique', description: 'No order twice.', dimension: 'uniqueness', kind: 'unique', key: (order) => order.id },
  ]),
];

describe('quality rules in the product definition', () => {
  it('puts each rule in the manifest without its function: id, description, dimension, kind and target', () => {
    expect(withQuality(rules).manifest.quality).toEqual([
      {
        id: 'lines-have-stock-units',
        description: 'Every line names a stock unit.',
        dimension: 'completeness',
        kind: 'each',
        eventTypes: ['sample.order.placed'],
      },
      { id: 'one-event-per-id', description: 'No event id twice.', dimension: 'uniqueness', kind: 'unique', eventTypes: ['sample.order.placed'] },
      { id: 'order-ids-unique', description: 'No order twice.', dimension: 'uniqueness', kind: 'unique', resource: 'sample-order' },
    ]);
    expect(JSON.parse(JSON.stringify(withQuality(rules).manifest)).quality).toHaveLength(3);
  });

  it('gives a product without rules an empty list', () => {
    expect(sampleProduct.manifest.quality).toEqual([]);
  });

  it('refuses a rule on an event the product does not publish, a repeated id and a bad id', () => {
    const foreign = { ...rules[0], id: 'foreign', eventTypes: ['other.thing.happened'] } as QualityRuleDefinition;
    expect(() => withQuality([...rules, foreign, rules[1], { ...rules[2], id: 'Bad Id' }])).toThrow(
      /quality rule foreign checks other\.thing\.happened, which no output stream of this product carries[\s\S]*quality rule one-event-per-id is declared twice[\s\S]*quality rule "Bad Id" must be lower-case kebab/,
    );
  });

  it('writes the event rules into the ODCS schema object of their event type', () => {
    const [{ contract }] = toOdcsContracts(withQuality(rules));
    const [schemaObject] = contract['schema'] as Array<Record<string, unknown>>;
    expect(schemaObject['quality']).toEqual([
      expect.objectContaining({
        name: 'lines-have-stock-units',
        dimension: 'completeness',
        type: 'custom',
        engine: 'mesh-data-product',
      }),
      expect.objectContaining({ name: 'one-event-per-id', dimension: 'uniqueness', type: 'library', rule: 'duplicateCount', mustBe: 0 }),
    ]);
    const [{ contract: without }] = toOdcsContracts(sampleProduct);
    expect((without['schema'] as Array<Record<string, unknown>>)[0]).not.toHaveProperty('quality');
  });

  it('names the envelope rules after the noun and holds them of ids and arrival times', () => {
    const [unique, arrival] = envelopeRules('order');
    expect([unique.id, arrival.id]).toEqual(['order-event-ids-unique', 'order-events-arrive-within-an-hour']);
    const event = (id: string, time: string, publishedAt: string): QualityEvent => ({
      id, type: 'orders.order.placed.v1', subject: 'o-1', time, publishedAt, data: {},
    });
    if (unique.kind !== 'unique' || arrival.kind !== 'each') throw new Error('kinds changed');
    expect(unique.key(event('e-1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z'))).toBe('e-1');
    expect(arrival.holds(event('e-1', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z'))).toBe(true);
    expect(arrival.holds(event('e-1', '2026-01-01T00:00:00Z', '2026-01-01T01:00:01Z'))).toBe(false);
  });
});
