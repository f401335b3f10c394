import { bearer } from '@mesh/mesh-e2e';
import autocannon from 'autocannon';
import type { EventEmitter } from 'node:events';

import type { HttpCase } from './http-cases';

export interface ThroughputResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers that were not 2xx, and connection errors (timeouts included). */
  non2xx: number;
  errors: number;
  sent: number;
  /** Answers received in the measured run (any status), the count the CPU time is divided by. */
  completed: number;
}

export interface ThroughputOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/**
 * autocannon against one case: `connections` keep-alive connections, each sending its next
 * request as soon as the previous answer came (a closed loop: the rate is what the service
 * sustains), after an unmeasured warm-up. `onMeasuredStart` runs when the measured run starts,
 * after the warm-up (to read the services' CPU time from there).
 */
export async function measureThroughput(
  baseUrl: string,
  token: string,
  httpCase: HttpCase,
  options: ThroughputOptions,
  onMeasuredStart?: () => void,
): Promise<ThroughputResult> {
  let sent = 0;
  const setupRequest = (request: autocannon.Request): autocannon.Request => {
    const next = httpCase.request(sent);
    sent += 1;
    return {
      ...request,
      method: httpCase.method,
      path: next.path,
      headers: {
        authorization: bearer(token),
        ...(next.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...next.headers,
      },
      body: next.body === undefined ? undefined : JSON.stringify(next.body),
    };
  };
  const run = autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [{ setupRequest }],
    // Not in @types/autocannon: an unmeasured run with the same settings first.
    ...({ warmup: { connections: options.connections, duration: options.warmupSeconds } } as object),
  });
  // With a warm-up, what autocannon returns is the measured run's event emitter (a thenable):
  // its 'start' comes once the warm-up is over.
  if (onMeasuredStart) (run as unknown as EventEmitter).once('start', onMeasuredStart);
  const result = await run;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    sent: result.requests.sent,
    completed: result.requests.total,
  };
}
