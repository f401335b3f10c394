import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The CPU time a process has used so far, user and system (utime + stime of /proc/<pid>/stat,
 * Linux), in ms. Synchronous so that a snapshot taken in an event handler (autocannon's start of
 * the measured run) is taken then, not a turn of the event loop later.
 */
export function processCpuMs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the CPU time of process ${pid} (/proc/${pid}/stat): ${(error as Error).message}`);
  }
  return (parseProcStatTicks(stat) * 1_000) / clockTicksPerSecond();
}

/**
 * utime + stime, in clock ticks, from the text of /proc/<pid>/stat. The command name (field 2)
 * is in parentheses and may hold spaces and parentheses itself, so the fields are counted from
 * the last ")": after it come state (field 3) … utime (14) and stime (15).
 */
export function parseProcStatTicks(stat: string): number {
  const end = stat.lastIndexOf(')');
  if (end < 0) throw new Error(`/proc/<pid>/stat has no ")" closing the command name: ${stat.slice(0, 80)}`);
  const fields = stat
    .slice(end + 1)
    .trim()
    .split(/\s+/);
  // fields[0] is field 3 of the file (state), so field n is fields[n - 3].
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime))
    throw new Error(`/proc/<pid>/stat has no utime and stime (fields 14 and 15): ${stat.slice(0, 120)}`);
  return utime + stime;
}

let ticksPerSecond: number | undefined;

/** The kernel's USER_HZ, the unit of /proc/<pid>/stat's times (`getconf CLK_TCK`, 100 on Linux as built). */
export function clockTicksPerSecond(): number {
  ticksPerSecond ??= parseClockTicks(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  return ticksPerSecond;
}

export function parseClockTicks(output: string): number {
  const ticks = Number(output.trim());
  if (!Number.isInteger(ticks) || ticks <= 0)
    throw new Error(`getconf CLK_TCK printed "${output.trim()}", not a tick rate`);
  return ticks;
}
