import { type EventContract, eventRules, type QualityEvent, resourceRules } from '@mesh/contract-kit';

import { evaluateRule } from './quality-evaluator';

interface Line {
  quantity: number;
  unitPrice: number;
}
interface PlacedData {
  lines: Line[];
  total: number;
}

// Only the type of the contract matters to the rules: they are checked on sampled events.
const placed = { type: 'shop.order.placed' } as EventContract<PlacedData>;
const [totalIsSum, oneEventPerId, arrivesInTime] = eventRules(
  [placed],
  [
    {
      id: 'total-is-sum-of-lines',
      description: 'An order’s total is the sum of its lines.',
      dimension: 'accuracy',
      kind: 'each',
      holds: (event) => event.data.total === event.data.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
    },
    { id: 'one-event-per-id', description: 'No event id twice.', dimension: 'uniqueness', kind: 'unique', key: (event) => event.id },
    {
      id: 'arrives-within-an-hour',
      description: 'An event reaches the stream within an hour of its time.',
      dimension: 'timeliness',
      kind: 'each',
      holds: (event) => Date.parse(event.publishedAt) - Date.parse(event.time) <= 3_600_000,
    },
  ],
);

function event(id: string, data: PlacedData, lateMs = 5): QualityEvent<PlacedData> {
  const time = '2030-01-01T10:00:00.000Z';
  return { id, type: 'shop.order.placed', subject: `order-${id}`, time, publishedAt: new Date(Date.parse(time) + lateMs).toISOString(), data };
}

const good = (id: string) => event(id, { lines: [{ quantity: 2, unitPrice: 1250 }, { quantity: 1, unitPrice: 500 }], total: 3000 });

describe('evaluateRule', () => {
  it('keeps an each-rule that every sampled item holds, and counts what it looked at', () => {
    expect(evaluateRule(totalIsSum, { items: [good('a'), good('b'), good('c')] })).toEqual({
      id: 'total-is-sum-of-lines',
      description: 'An order’s total is the sum of its lines.',
      dimension: 'accuracy',
      target: 'shop.order.placed',
      sampled: 3,
      failed: 0,
      failing: [],
      kept: true,
    });
  });

  it('breaks an each-rule on one bad item and names it by its event id', () => {
    const wrongTotal = event('bad', { lines: [{ quantity: 2, unitPrice: 1250 }], total: 2499 });
    expect(evaluateRule(totalIsSum, { items: [good('a'), wrongTotal, good('b')] })).toMatchObject({
      sampled: 3,
      failed: 1,
      failing: ['bad'],
      kept: false,
    });
  });

  it('counts an item whose check throws as breaking the rule', () => {
    const noLines = event('broken', { total: 0 } as PlacedData);
    expect(evaluateRule(totalIsSum, { items: [noLines] })).toMatchObject({ failed: 1, failing: ['broken'], kept: false });
  });

  it('breaks a unique rule on the second item of a key, not the first', () => {
    expect(evaluateRule(oneEventPerId, { items: [good('a'), good('b'), good('a'), good('a')] })).toMatchObject({
      sampled: 4,
      failed: 2,
      failing: ['a', 'a'],
      kept: false,
    });
    expect(evaluateRule(oneEventPerId, { items: [good('a'), good('b')] }).kept).toBe(true);
  });

  it('holds an arrival window against when the event reached the stream', () => {
    const late = event('late', good('x').data, 3_600_001);
    expect(evaluateRule(arrivesInTime, { items: [good('a'), late] })).toMatchObject({ failed: 1, failing: ['late'], dimension: 'timeliness' });
    expect(evaluateRule(arrivesInTime, { items: [event('edge', good('x').data, 3_600_000)] }).kept).toBe(true);
  });

  it('keeps a rule with nothing to check yet, and does not keep one whose sample could not be read', () => {
    expect(evaluateRule(totalIsSum, { items: [] })).toMatchObject({ sampled: 0, failed: 0, kept: true });
    expect(evaluateRule(totalIsSum, { error: 'timeout: no answer within 1500 ms' })).toMatchObject({
      sampled: null,
      failed: null,
      failing: [],
      kept: false,
      error: 'timeout: no answer within 1500 ms',
    });
  });

  it('names resource items by their id, or their place in the sample, and shows at most five', () => {
    const [netRevenue] = resourceRules<{ id?: string; revenue: number; cancelled: number; net: number }>('daily-sales', [
      {
        id: 'net-is-revenue-minus-cancelled',
        description: 'Net revenue is revenue minus cancelled revenue.',
        dimension: 'consistency',
        kind: 'each',
        holds: (day) => day.net === day.revenue - day.cancelled,
      },
    ]);
    const bad = Array.from({ length: 7 }, (_, index) => ({ revenue: 10, cancelled: 1, net: 10, ...(index === 0 ? { id: 'first' } : {}) }));
    const result = evaluateRule(netRevenue, { items: [{ revenue: 10, cancelled: 1, net: 9 }, ...bad] });
    expect(result).toMatchObject({ target: 'api:daily-sales', sampled: 8, failed: 7, kept: false });
    expect(result.failing).toEqual(['first', '#2', '#3', '#4', '#5']);
  });
});
