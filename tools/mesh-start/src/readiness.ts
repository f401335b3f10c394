import { setTimeout as sleep } from 'node:timers/promises';

import type { ServiceProcess } from './service-process';

/**
 * Polls `GET /health/ready` until it answers 200. Fails at once when the process exits first (a
 * bad configuration, a port in use) and after `timeoutMs` otherwise, with the service's last
 * log lines in the message either way.
 */
export async function waitUntilReady(process: ServiceProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void process.exited.then(() => (exited = true));
  let lastAnswer = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited) throw startFailure(process, 'exited before it was ready');
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastAnswer = `${response.status} ${await response.text()}`;
    } catch (error) {
      lastAnswer = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw startFailure(process, `was not ready after ${timeoutMs / 1000} s (last answer: ${lastAnswer})`);
}

function startFailure(process: ServiceProcess, what: string): Error {
  const lines = process.lastLines();
  const tail = lines.length > 0 ? `\n  last lines:\n    ${lines.join('\n    ')}` : '';
  return new Error(`${process.service.name} ${what}${tail}`);
}
