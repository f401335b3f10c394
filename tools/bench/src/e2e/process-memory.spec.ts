import { parseProcStatus, processMemory } from './process-memory';

describe('parseProcStatus', () => {
  it('reads the resident set and its peak in bytes', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t11\n';
    expect(parseProcStatus(status)).toEqual({ rss: 100 * 1024 * 1024, peak: 200 * 1024 * 1024 });
  });

  it('says which line is missing', () => {
    expect(() => parseProcStatus('Name:\tnode\nVmHWM:\t1 kB\n')).toThrow(/no VmRSS line/);
  });
});

describe('processMemory', () => {
  it('reads this very process', async () => {
    const memory = await processMemory(process.pid);
    expect(memory.rss).toBeGreaterThan(1024 * 1024);
    expect(memory.peak).toBeGreaterThanOrEqual(memory.rss);
  });
});
