import { DOMAINS } from '../../../kit/src/api/domain-apis';
import { isSuccess, MeshApi } from '../../../kit/src/api/mesh-api';
import type { MeshProcesses } from '../harness/mesh-processes';

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
  const answer = await new MeshApi({ name: url, baseUrl: url, timeoutMs: 5_000 }).call({
    method: 'GET',
    path: '/health/ready',
  });
  if (answer.kind === 'no-answer') return `unreachable (${answer.error})`;
  return isSuccess(answer) ? 'ready' : `not ready (${answer.status})`;
}
