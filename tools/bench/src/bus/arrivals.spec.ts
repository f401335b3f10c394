import { Arrivals } from './arrivals';

describe('Arrivals', () => {
  it('counts every arrival and measures only the marked ones, once', () => {
    const arrivals = new Arrivals();
    arrivals.markSent(['a'], performance.now() - 5);
    arrivals.arrived('a');
    arrivals.arrived('a');
    arrivals.arrived('unmarked');

    expect(arrivals.count).toBe(3);
    expect(arrivals.latenciesMs).toHaveLength(1);
    expect(arrivals.latenciesMs[0]).toBeGreaterThanOrEqual(5);
  });

  it('resolves true once the target count arrived', async () => {
    const arrivals = new Arrivals();
    const reached = arrivals.waitFor(2, 1_000);
    arrivals.arrived('a');
    setTimeout(() => arrivals.arrived('b'), 5);
    await expect(reached).resolves.toBe(true);
    await expect(arrivals.waitFor(2, 1_000)).resolves.toBe(true);
  });

  it('resolves false once nothing arrived for the idle time', async () => {
    const arrivals = new Arrivals();
    const started = performance.now();
    await expect(arrivals.waitFor(1, 30)).resolves.toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
  });
});
