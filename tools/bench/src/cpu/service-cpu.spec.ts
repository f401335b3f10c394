import { cpuBetween, cpuSnapshot, perRequest } from './service-cpu';

describe('cpuBetween', () => {
  it('gives each service the CPU time it used between the snapshots, and their total', () => {
    const before = new Map([
      ['orders', 1_000],
      ['analytics', 500],
    ]);
    const after = new Map([
      ['orders', 1_800],
      ['analytics', 700],
    ]);
    expect(cpuBetween(before, after)).toEqual({ byService: { orders: 800, analytics: 200 }, totalMs: 1_000 });
  });

  it('refuses a second snapshot that lacks a service of the first', () => {
    expect(() => cpuBetween(new Map([['orders', 1]]), new Map())).toThrow(/second CPU snapshot has no orders/);
  });
});

describe('perRequest', () => {
  it('divides the CPU time by the requests served, and gives NaN when none was', () => {
    expect(perRequest(1_500, 600)).toBe(2.5);
    expect(perRequest(1_500, 0)).toBeNaN();
  });
});

describe('cpuSnapshot', () => {
  it('reads each service by its pid, and names a service that is not running', () => {
    expect(cpuSnapshot(new Map([['bench', process.pid]])).get('bench')).toBeGreaterThan(0);
    expect(() => cpuSnapshot(new Map([['customers', undefined]]))).toThrow(
      /cannot read the CPU time of customers: it is not running/,
    );
  });
});
