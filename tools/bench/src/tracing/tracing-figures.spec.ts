import {
  compareFigures,
  figuresOf,
  geometricMean,
  spanCountProblems,
  TRACING_PASS_ORDER,
  tracingVerdict,
} from './tracing-figures';
import { fakePass, fourPasses } from './tracing-fixtures';

const passes = fourPasses;

describe('TRACING_PASS_ORDER', () => {
  it('puts the mean pass of each mode at the middle of the run', () => {
    const meanIndex = (mode: string) => {
      const indexes = TRACING_PASS_ORDER.flatMap((each, index) => (each === mode ? [index] : []));
      return indexes.reduce((sum, index) => sum + index, 0) / indexes.length;
    };
    expect(meanIndex('off')).toBe(meanIndex('on'));
  });
});

describe('figuresOf', () => {
  it('lists req/s, p50, p99, CPU ms/req per route, the end-to-end latencies and CPU ms/order, the RSS in MB', () => {
    const on = fakePass({ mode: 'on', requestsPerSecond: 800, p99: 30, cpuMsPerRequest: 1.2, endToEndP99: 60 });
    expect(figuresOf(on.results).map(({ label, unit, value }) => [label, unit, value])).toEqual([
      ['orders POST /orders req/s', 'req/s', 800],
      ['orders POST /orders p50', 'ms', 10],
      ['orders POST /orders p99', 'ms', 30],
      // The fixture puts half of the mesh's CPU time in orders: 7,200 ms over 6,000 requests, 3,600 of it in orders.
      ['orders POST /orders CPU ms/req, orders', 'CPU ms', 0.6],
      ['orders POST /orders CPU ms/req, mesh', 'CPU ms', 1.2],
      ['POST /orders → 201 p50', 'ms', 5],
      ['POST /orders → 201 p99', 'ms', 40],
      ['POST /orders → analytics projection p50', 'ms', 12],
      ['POST /orders → analytics projection p99', 'ms', 60],
      ['POST /orders → analytics projection CPU ms/order, mesh', 'CPU ms', 4],
      ['orders RSS after the pass', 'MB', 250],
    ]);
  });

  it('gives a route that served no request no CPU figure to divide by (NaN, shown as a dash)', () => {
    const idle = fakePass({ mode: 'off', requestsPerSecond: 0, p99: 0 });
    idle.results.http[0].result.completed = 0;
    const cpu = figuresOf(idle.results).filter((figure) => figure.unit === 'CPU ms' && figure.source === 'http');
    expect(cpu.map((figure) => figure.value)).toEqual([Number.NaN, Number.NaN]);
  });
});

describe('compareFigures', () => {
  it('gives each figure its values per mode in pass order, the means, on ÷ off and last off ÷ first off', () => {
    const throughput = compareFigures(passes).find((figure) => figure.label === 'orders POST /orders req/s');
    expect(throughput).toMatchObject({
      off: [1_000, 960],
      on: [800, 840],
      offMean: 980,
      onMean: 820,
      source: 'http',
    });
    expect(throughput?.ratio).toBeCloseTo(820 / 980, 10);
    expect(throughput?.offRatio).toBeCloseTo(0.96, 10);
  });

  it('refuses passes of one mode only, and a pass that lacks a figure of the first', () => {
    expect(() => compareFigures([passes[0], passes[3]])).toThrow(/passes with tracing off and on/);
    const withoutEndToEnd = fakePass({
      mode: 'on',
      requestsPerSecond: 800,
      p99: 30,
    });
    expect(() => compareFigures([passes[0], withoutEndToEnd])).toThrow(
      /pass 2 \(tracing on\) has no figure "POST \/orders → 201 p50"/,
    );
  });
});

describe('tracingVerdict', () => {
  it('reads the noise from the off passes, the req/s cost as a geometric mean, the p99 costs as on − off', () => {
    const verdict = tracingVerdict(compareFigures(passes));
    expect(verdict.noiseOf).toBe('req/s');
    expect(verdict.noisePercent).toBeCloseTo(4, 10);
    expect(verdict.throughputCostPercent).toBeCloseTo((1 - 820 / 980) * 100, 10);
    expect(verdict.httpP99CostMs).toBeCloseTo(28 - 21, 10);
    expect(verdict.endToEndP99CostMs).toBeCloseTo(62 - 51, 10);
    expect(verdict.httpRoutes).toBe(1);
  });

  it('reads the CPU noise and cost from the CPU ms per request of the serving service and per order of the mesh', () => {
    const verdict = tracingVerdict(compareFigures(passes));
    // Off 1.00 then 1.02 per request (2%), 4.0 then 4.1 per order (2.5%): the larger is the noise.
    expect(verdict.cpuNoisePercent).toBeCloseTo(2.5, 10);
    expect(verdict.cpuCostPercent).toBeCloseTo((1.12 / 1.01 - 1) * 100, 10);
    expect(verdict.cpuCostRange?.[0]).toBeCloseTo((1.12 / 1.01 - 1) * 100, 10);
    expect(verdict.endToEndCpuCostPercent).toBeCloseTo((4.5 / 4.05 - 1) * 100, 10);
  });

  it("takes each route's CPU cost from its serving service, not from the mesh's (which holds idle waiting)", () => {
    const figure = (label: string, cpuOf: 'service' | 'mesh', ratio: number) => ({
      label,
      unit: 'CPU ms' as const,
      source: 'http' as const,
      cpuOf,
      off: [1, 1],
      on: [ratio],
      offMean: 1,
      onMean: ratio,
      ratio,
      offRatio: 1,
    });
    const verdict = tracingVerdict([figure('a, orders', 'service', 1.1), figure('a, mesh', 'mesh', 3)]);
    expect(verdict.cpuCostPercent).toBeCloseTo(10, 10);
    expect(verdict.endToEndCpuCostPercent).toBeUndefined();
  });

  it('averages the req/s ratios of several routes geometrically: a route twice as fast and one half as fast cancel out', () => {
    const figure = (label: string, ratio: number) => ({
      label,
      unit: 'req/s' as const,
      source: 'http' as const,
      off: [100, 100],
      on: [100 * ratio],
      offMean: 100,
      onMean: 100 * ratio,
      ratio,
      offRatio: 1,
    });
    const verdict = tracingVerdict([figure('a req/s', 2), figure('b req/s', 0.5)]);
    expect(verdict.throughputCostPercent).toBeCloseTo(0, 10);
    expect(verdict.throughputCostRange).toEqual([-100, 50]);
  });

  it('reads the noise from the latencies when the HTTP part did not run', () => {
    const endToEndOnly = passes.map((pass) => ({
      ...pass,
      results: { ...pass.results, http: [] },
    }));
    const verdict = tracingVerdict(compareFigures(endToEndOnly));
    expect(verdict).toMatchObject({
      noiseOf: 'latency',
      cpuCostPercent: undefined,
      throughputCostPercent: undefined,
      httpP99CostMs: undefined,
      httpRoutes: 0,
    });
    // The end-to-end p99, 50 then 52, moved the most.
    expect(verdict.noisePercent).toBeCloseTo(4, 10);
    // The CPU per order, 4.0 then 4.1, is all that is left of the CPU figures.
    expect(verdict.cpuNoisePercent).toBeCloseTo(2.5, 10);
  });
});

describe('geometricMean', () => {
  it('averages ratios so that a halving and a doubling cancel out', () => {
    expect(geometricMean([2, 0.5])).toBeCloseTo(1, 12);
    expect(geometricMean([1.1, 1.1, 1.1])).toBeCloseTo(1.1, 12);
    expect(geometricMean([1, 4])).toBeCloseTo(2, 12);
  });
});

describe('spanCountProblems', () => {
  it('accepts spans in the on passes only', () => {
    expect(spanCountProblems(passes)).toEqual([]);
  });

  it('names an off pass that received spans and an on pass that received none', () => {
    const wrong = [
      fakePass({
        mode: 'off',
        requestsPerSecond: 1,
        p99: 1,
        spansReceived: 12,
      }),
      fakePass({ mode: 'on', requestsPerSecond: 1, p99: 1, spansReceived: 0 }),
    ];
    expect(spanCountProblems(wrong)).toEqual([
      'pass 1: tracing off, yet 12 spans received',
      'pass 2: tracing on, yet no span received',
    ]);
  });
});
