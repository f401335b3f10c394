import { RebuildProgress } from './rebuild-progress';

describe('RebuildProgress', () => {
  const track = (total: number) => {
    const percents: number[] = [];
    const lines: string[] = [];
    const progress = new RebuildProgress(total, (percent) => percents.push(percent), (line) => lines.push(line));
    return { progress, percents, lines };
  };

  it('reports each new percent to the job and one log line per 10%', () => {
    const { progress, percents, lines } = track(200);
    progress.started();
    for (let event = 0; event < 200; event += 1) progress.eventReplayed();
    progress.swapped();

    expect(percents).toEqual([...Array.from({ length: 100 }, (_, percent) => percent), 100]);
    expect(lines).toEqual([
      '0% (0 of 200 events replayed)', '10% (20 of 200 events replayed)', '20% (40 of 200 events replayed)',
      '30% (60 of 200 events replayed)', '40% (80 of 200 events replayed)', '50% (100 of 200 events replayed)',
      '60% (120 of 200 events replayed)', '70% (140 of 200 events replayed)', '80% (160 of 200 events replayed)',
      '90% (180 of 200 events replayed)', '100% (200 of 200 events replayed)',
    ]);
  });

  it('stays at 99% while more events arrive than there were at the start, until the swap', () => {
    const { progress, percents } = track(3);
    for (let event = 0; event < 10; event += 1) progress.eventReplayed();
    expect(percents.at(-1)).toBe(99);
    progress.swapped();
    expect(percents.at(-1)).toBe(100);
    expect(progress.events).toBe(10);
  });

  it('goes from 0 to 100 for empty streams', () => {
    const { progress, percents } = track(0);
    progress.started();
    progress.swapped();
    expect(percents).toEqual([0, 100]);
  });
});
