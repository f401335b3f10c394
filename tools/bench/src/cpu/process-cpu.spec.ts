import { clockTicksPerSecond, parseClockTicks, parseProcStatTicks, processCpuMs } from './process-cpu';

// A /proc/<pid>/stat line as Linux writes it: utime (field 14) 1234, stime (15) 567, then cutime and cstime.
const stat = (command: string) =>
  `4242 (${command}) S 1 4242 4242 0 -1 4194560 23000 0 12 0 1234 567 89 10 20 0 11 0 3000 1200000000 70000\n`;

describe('parseProcStatTicks', () => {
  it("adds utime and stime, not the children's cutime and cstime", () => {
    expect(parseProcStatTicks(stat('node'))).toBe(1234 + 567);
  });

  it('counts the fields from the last ")", so a command name with spaces and parentheses does not shift them', () => {
    expect(parseProcStatTicks(stat('node (orders) main'))).toBe(1234 + 567);
  });

  it('says what is missing from a truncated line', () => {
    expect(() => parseProcStatTicks('4242 (node) S 1 4242')).toThrow(/no utime and stime \(fields 14 and 15\)/);
    expect(() => parseProcStatTicks('garbage')).toThrow(/no "\)" closing the command name/);
  });
});

describe('parseClockTicks', () => {
  it("reads getconf's answer and refuses anything but a positive integer", () => {
    expect(parseClockTicks('100\n')).toBe(100);
    expect(() => parseClockTicks('undefined\n')).toThrow(/getconf CLK_TCK printed "undefined"/);
  });
});

describe('processCpuMs', () => {
  it('reads the CPU time of this very process in ms, a whole number of clock ticks', () => {
    const ms = processCpuMs(process.pid);
    expect(ms).toBeGreaterThan(0);
    expect(Number.isInteger((ms * clockTicksPerSecond()) / 1_000)).toBe(true);
    expect(processCpuMs(process.pid)).toBeGreaterThanOrEqual(ms);
  });

  it('names the process it cannot read', () => {
    expect(() => processCpuMs(2 ** 30)).toThrow(/cannot read the CPU time of process 1073741824/);
  });
});
