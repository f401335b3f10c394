import { ContenderResult, renderResults, targetVerdicts } from './results';

function result(label: string, publish: number, consume: number, p50: number, p99: number): ContenderResult {
  return {
    label,
    publishPerSecond: publish,
    consume: { perSecond: consume, lost: 0 },
    latency: { count: 100, p50, p99, max: p99, sent: 100, lost: 0 },
    notes: [`${label} note`],
  };
}

describe('renderResults', () => {
  const raw = result('raw', 200_000, 100_000, 0.5, 2);
  const lib = result('lib', 100_000, 150_000, 1, 8);

  it('puts each metric next to its ratio to the baseline, then the notes', () => {
    const lines = renderResults([raw, lib], raw).split('\n');
    expect(lines[0]).toBe(
      'contender | publish ev/s |  ×raw | consume ev/s |  ×raw | p50 ms |  ×raw | p99 ms |  ×raw | lost | notes',
    );
    expect(lines[2]).toBe(
      'raw       |      200,000 | 1.00× |      100,000 | 1.00× |   0.50 | 1.00× |    2.0 | 1.00× |  0/0 | [1]',
    );
    expect(lines[3]).toBe(
      'lib       |      100,000 | 0.50× |      150,000 | 1.50× |    1.0 | 2.00× |    8.0 | 4.00× |  0/0 | [2]',
    );
    expect(lines.slice(-2)).toEqual(['[1] raw: raw note', '[2] lib: lib note']);
  });

  it('shows dashes for ratios when there is no baseline', () => {
    expect(renderResults([lib], undefined).split('\n')[2]).toContain('100,000 |    – |');
  });

  it('shows lost events of the consume and latency phases', () => {
    const lossy = { ...lib, consume: { perSecond: 1, lost: 12_345 }, latency: { ...lib.latency, lost: 7 } };
    expect(renderResults([lossy], raw)).toContain('| 12,345/7 |');
  });
});

describe('targetVerdicts', () => {
  it('says whether each target is met, with the measured value', () => {
    expect(targetVerdicts(result('lib', 250_000, 75_000, 1, 2))).toEqual([
      'MET    publish ≥ 200,000 events/s in one process: measured 250,000 (125% of target)',
      'MISSED consume ≥ 150,000 events/s in one process: measured 75,000 (50% of target)',
    ]);
  });
});
