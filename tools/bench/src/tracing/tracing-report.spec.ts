import { fourPasses } from './tracing-fixtures';
import { renderTracingComparison, verdictLine } from './tracing-report';

describe('renderTracingComparison', () => {
  const passes = fourPasses;

  it('shows each pass with its spans and load, each figure off, on, on/off and the noise, and the verdict', () => {
    const report = renderTracingComparison(passes);
    expect(report).toMatch(/^\s*2 \| on\s+\|\s+5,000 \| 1\.20 → 1\.50\s+\|\s+70 \| 100\/s, 0 lost$/m);
    expect(report).toMatch(
      /^orders POST \/orders req\/s\s+\|\s+980 \|\s+820 \|\s+0\.84× \|\s+0\.96× \|\s+1,000 · 960 \|\s+800 · 840$/m,
    );
    expect(report).toMatch(/^POST \/orders → analytics projection p99\s+\|\s+51\.0 \|\s+62\.0 \|\s+1\.22× \|/m);
    expect(report).toMatch(
      /^orders POST \/orders CPU ms\/req, mesh\s+\|\s+1\.01 \|\s+1\.12 \|\s+1\.11× \|\s+1\.02× \|\s+1\.00 · 1\.02 \|\s+1\.10 · 1\.14$/m,
    );
    expect(report).toMatch(/^orders POST \/orders CPU ms\/req, orders\s+\|\s+0\.505 \|\s+0\.560 \|/m);
    expect(report).toContain(
      'verdict: tracing off: CPU per request within 2.5% between the two off passes (noise; req/s figures within 4.0% of each other); tracing on costs +10.9% CPU per request (geometric mean over 1 routes, from +10.9% to +10.9%), +11.1% CPU per end-to-end order, 16.3% req/s (geometric mean over 1 routes, from 16.3% to 16.3%), +7.0 ms p99 (mean over the routes), +11.0 ms p99 POST /orders → analytics projection; the CPU cost is larger than the largest difference between the off passes; CPU time per request (from /proc: of the serving service per route, of the three per order) is the load-robust figure',
    );
    expect(report).toContain('start-telemetry.ts');
    expect(report).not.toContain('NOT A VALID COMPARISON');
  });

  it('says when the span counts contradict the modes', () => {
    const silent = [passes[0], { ...passes[1], spansReceived: 0 }];
    expect(renderTracingComparison(silent)).toContain(
      'NOT A VALID COMPARISON: pass 2: tracing on, yet no span received',
    );
  });
});

describe('verdictLine', () => {
  it('says when even the CPU per request of the off passes is too noisy, and when the CPU cost is within it', () => {
    const line = verdictLine({
      cpuNoisePercent: 14,
      cpuCostPercent: -3,
      cpuCostRange: [-8, 2],
      noiseOf: 'req/s',
      noisePercent: 48,
      throughputCostPercent: 20,
      throughputCostRange: [5, 30],
      httpRoutes: 2,
    });
    expect(line).toBe(
      "tracing off: CPU per request within 14.0% between the two off passes (noise; req/s figures within 48.0% of each other); tracing on costs −3.0% CPU per request (geometric mean over 2 routes, from −8.0% to +2.0%), 20.0% req/s (geometric mean over 2 routes, from 5.0% to 30.0%); the CPU cost is within the noise of this run; CPU time per request (from /proc: of the serving service per route, of the three per order) is the load-robust figure: req/s and latencies move with the machine's load; even the CPU per request of the off passes differs by more than 10%: this run cannot tell a cost of a few percent (see the load average per pass; run again on a quieter machine)",
    );
  });

  it('says when the off passes differ too much for the cost to be read', () => {
    const line = verdictLine({ noiseOf: 'latency', noisePercent: 35, endToEndP99CostMs: 12, httpRoutes: 0 });
    expect(line).toBe(
      'tracing off: latency figures within 35.0% of each other (noise); tracing on costs +12.0 ms p99 POST /orders → analytics projection; the off passes differ by more than 10%: the machine was too unsteady for these figures to tell a cost of a few percent (see the load average per pass; run again on a quieter machine)',
    );
  });

  it('says when the req/s cost is no larger than the noise, and signs a p99 that fell', () => {
    const line = verdictLine({
      noiseOf: 'req/s',
      noisePercent: 5,
      throughputCostPercent: 3,
      throughputCostRange: [1, 5],
      httpP99CostMs: -0.4,
      httpRoutes: 2,
    });
    expect(line).toBe(
      'tracing off: req/s figures within 5.0% of each other (noise); tracing on costs 3.0% req/s (geometric mean over 2 routes, from 1.0% to 5.0%), −0.40 ms p99 (mean over the routes); the req/s cost is within the noise of this run',
    );
  });
});
