import { DOMAINS, type MeshProcesses } from '../harness/mesh-processes';

export interface Liveness {
  service: string;
  pid: number | undefined;
  starts: number;
  ready: string;
}

/** Whether each service's process still runs and answers `/health/ready` with 200. */
export async function checkLiveness(processes: MeshProcesses): Promise<Liveness[]> {
  return Promise.all(
    DOMAINS.map(async (service) => ({
      service,
      pid: processes.isRunning(service) ? processes.pid(service) : undefined,
      starts: processes.starts.get(service) ?? 0,
      ready: await readiness(processes.url(service)),
    })),
  );
}

async function readiness(url: string): Promise<string> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5_000) });
    return response.ok ? 'ready' : `not ready (${response.status})`;
  } catch (error) {
    return `unreachable (${error instanceof Error ? error.message : String(error)})`;
  }
}
