import { measureOffPathCost, offPathShare, renderOffPathCost } from './off-path-cost';

describe('the cost of tracing off', () => {
  it('times each call the services make to the API with no SDK, through the real functions', async () => {
    const cost = await measureOffPathCost(2_000);
    expect(cost.calls.map((call) => call.what)).toEqual([
      'trace fields of a log line (pino mixin)',
      'span name of the route (onRequest hook)',
      'traceparent of the stored event (outbox)',
      'send span of the published event (relay)',
      'process span of each consumer (customers, analytics)',
    ]);
    for (const call of cost.calls) expect(Number.isFinite(call.nsPerCall) && call.nsPerCall >= 0).toBe(true);
    const sum = cost.calls.reduce((total, call) => total + call.perOrder * call.nsPerCall, 0) / 1_000;
    expect(cost.microsPerOrder).toBeCloseTo(sum, 6);
  });

  it('states the share of the mesh CPU per order, and the calls behind it', () => {
    const cost = {
      calls: [
        { what: 'a', perOrder: 1, nsPerCall: 500 },
        { what: 'b', perOrder: 2, nsPerCall: 250 },
      ],
      microsPerOrder: 1,
    };
    expect(offPathShare(cost, 10)).toBeCloseTo(0.0001, 10);
    expect(renderOffPathCost(cost, 10)).toBe(
      [
        "tracing off, what it still does (OpenTelemetry's API with no SDK), per order through the mesh: 1.0 µs of CPU, 0.010% of the 10.00 CPU ms the mesh spends per order with tracing off:",
        '  a: 1 × 500 ns',
        '  b: 2 × 250 ns',
      ].join('\n'),
    );
    expect(renderOffPathCost(cost, undefined)).toMatch(/^tracing off, .*: 1\.0 µs of CPU:$/m);
  });
});
