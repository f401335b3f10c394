import { processCpuMs } from './process-cpu';

/** The CPU time each service used over one measured phase, in ms, and their total. */
export interface ServiceCpu {
  byService: Record<string, number>;
  totalMs: number;
}

/** Each service's CPU time so far, in ms. @throws naming a service that has no process. */
export function cpuSnapshot(pids: ReadonlyMap<string, number | undefined>): Map<string, number> {
  return new Map(
    [...pids].map(([service, pid]) => {
      if (pid === undefined) throw new Error(`cannot read the CPU time of ${service}: it is not running`);
      return [service, processCpuMs(pid)];
    }),
  );
}

/** The CPU time each service used between two snapshots. */
export function cpuBetween(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): ServiceCpu {
  const byService: Record<string, number> = {};
  for (const [service, start] of before) {
    const end = after.get(service);
    if (end === undefined) throw new Error(`the second CPU snapshot has no ${service}`);
    byService[service] = end - start;
  }
  return { byService, totalMs: Object.values(byService).reduce((sum, ms) => sum + ms, 0) };
}

/** CPU ms per request (or order); NaN, shown as "–", when none was served. */
export function perRequest(cpuMs: number, requests: number): number {
  return requests > 0 ? cpuMs / requests : Number.NaN;
}
