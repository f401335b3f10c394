import { endToEndRate, parseMeshBenchOptions } from './mesh-bench-options';

describe('parseMeshBenchOptions', () => {
  it('runs both parts with the defaults when given nothing', () => {
    expect(parseMeshBenchOptions([])).toEqual({
      parts: ['http', 'e2e'],
      build: true,
      connections: 16,
      durationSeconds: 6,
      warmupSeconds: 1,
      rate: 200,
      e2eSeconds: 20,
      tracing: false,
    });
  });

  it('runs the tracing passes with --tracing, or when npm passes the flag on as npm_config_tracing', () => {
    expect(parseMeshBenchOptions(['--tracing', '--only=http']).tracing).toBe(true);
    expect(parseMeshBenchOptions([], { npm_config_tracing: 'true' }).tracing).toBe(true);
    expect(parseMeshBenchOptions([], { npm_config_tracing: '' }).tracing).toBe(false);
  });

  it('reads one part, no build and numbers', () => {
    expect(
      parseMeshBenchOptions(['--only=e2e', '--no-build', '--rate=50', '--e2e-duration=5', '--warmup=0.5']),
    ).toMatchObject({
      parts: ['e2e'],
      build: false,
      rate: 50,
      e2eSeconds: 5,
      warmupSeconds: 0.5,
    });
  });

  it.each([
    [['--only=bus'], /--only must be one of http, e2e/],
    [['--connections=1.5'], /--connections must be a positive number/],
    [['--rate=0'], /--rate must be a positive number/],
    [['--speed=9'], /unknown option\(s\) --speed/],
    [['--tracing=on'], /unknown option\(s\) --tracing/],
    [['fast'], /unknown argument "fast"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseMeshBenchOptions(argv)).toThrow(message);
  });
});

describe('endToEndRate', () => {
  it('keeps the rate asked for when POST /orders sustains twice as much, or was not measured', () => {
    expect(endToEndRate(200, 900)).toBe(200);
    expect(endToEndRate(200, undefined)).toBe(200);
  });

  it('caps it at half the measured POST /orders throughput, at least one order per second', () => {
    expect(endToEndRate(200, 151.7)).toBe(75);
    expect(endToEndRate(200, 0.4)).toBe(1);
  });
});
