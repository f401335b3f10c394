import { CustomerLanes } from './customer-lanes';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CustomerLanes', () => {
  it('runs the tasks of one customer one after another, in order, even when one fails', async () => {
    const lanes = new CustomerLanes();
    const steps: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        steps.push(`${name} start`);
        await tick();
        steps.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };

    const results = await Promise.allSettled([
      lanes.run('a', task('1')),
      lanes.run('a', task('2', true)),
      lanes.run('a', task('3')),
    ]);

    expect(steps).toEqual(['1 start', '1 end', '2 start', '2 end', '3 start', '3 end']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('runs the tasks of different customers at once, and forgets a customer whose tasks are done', async () => {
    const lanes = new CustomerLanes();
    const running: string[] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));

    const first = lanes.run('a', async () => {
      running.push('a');
      await blocked;
    });
    const second = lanes.run('b', async () => {
      running.push('b');
    });
    await second;

    expect(running).toEqual(['a', 'b']);
    release();
    await first;
    await tick();
    expect(lanes.size).toBe(0);
  });
});
