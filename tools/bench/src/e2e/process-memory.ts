import { readFile } from 'node:fs/promises';

export interface ProcessMemory {
  /** Resident set size now (VmRSS), bytes. */
  rss: number;
  /** The highest resident set size the process reached (VmHWM), bytes. */
  peak: number;
}

/** Reads a process's memory from /proc/<pid>/status (Linux). */
export async function processMemory(pid: number): Promise<ProcessMemory> {
  return parseProcStatus(await readFile(`/proc/${pid}/status`, 'utf8'));
}

export function parseProcStatus(status: string): ProcessMemory {
  const kilobytes = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!match) throw new Error(`/proc/<pid>/status has no ${field} line`);
    return Number(match[1]) * 1024;
  };
  return { rss: kilobytes('VmRSS'), peak: kilobytes('VmHWM') };
}
