import { plateauOf } from './plateau';
import { svgChart } from './svg-chart';

describe('svgChart', () => {
  const series = {
    name: 'stream {orders.order.v1} <length>',
    unit: 'entries' as const,
    points: [0, 10, 20, 30, 100, 110, 120].map((at) => ({ at, value: at * 2 })),
  };
  const chart = svgChart(plateauOf(series, 120), 120, [
    { at: 60, label: 'Redis restarted', kind: 'store' },
    { at: 30, label: 'orders #2 killed', kind: 'replica' },
  ]);

  it('is one SVG document with the name escaped and the verdict in words', () => {
    expect(chart.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(chart.trimEnd().endsWith('</svg>')).toBe(true);
    expect(chart).toContain('stream {orders.order.v1} &lt;length&gt;');
    expect(chart).toContain('GROWING: last third max 240 entries, middle third max 0 entries');
    expect(chart).toContain('Redis restarted');
  });

  it('breaks the line where samples are missing', () => {
    expect(chart.match(/<polyline/g)).toHaveLength(2);
  });

  it('says in its caption why a series is not judged', () => {
    const heap = { ...series, name: 'orders #2 heap used', unit: 'bytes' as const, memory: 'between-collections' as const };
    expect(svgChart(plateauOf(heap, 120), 120, [])).toContain('flat (not judged: sampled between collections)');
  });
});
