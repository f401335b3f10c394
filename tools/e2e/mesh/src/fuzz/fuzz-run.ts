import { Agent } from 'node:http';

import type { DomainName } from '../../../kit/src/api/domain-apis';
import type { FuzzCategory, MalformedRequest } from './malformed-request';
import { sendRaw } from './raw-http';
import { ServiceGate } from './service-gate';

export interface FuzzOutcome {
  sent: number;
  /** Status counts per category, e.g. `bad ids` → {400: 1190, 404: 10}. */
  byCategory: Map<FuzzCategory, Map<number, number>>;
  /** Answers that were not a 4xx with an error message, or no answer at all (first few kept). */
  failures: string[];
  failureCount: number;
  seconds: number;
}

const FAILURES_KEPT = 20;

/**
 * Sends every request, `concurrency` at a time, and checks each answer: a 4xx whose JSON body
 * says what is wrong (`statusCode` and a non-empty `message`). Anything else (a 2xx, a 5xx, a
 * bare 4xx, no answer) is a failure. Aborting `signal` stops sending (the scenario failed).
 */
export async function runMalformedRequests(
  requests: readonly MalformedRequest[],
  ports: ReadonlyMap<DomainName, number>,
  concurrency: number,
  gate = new ServiceGate(),
  signal?: AbortSignal,
): Promise<FuzzOutcome> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const outcome: FuzzOutcome = { sent: 0, byCategory: new Map(), failures: [], failureCount: 0, seconds: 0 };
  const started = performance.now();
  const queue = [...requests];
  const worker = async () => {
    for (let request = queue.shift(); request && !signal?.aborted; request = queue.shift()) {
      // A service being restarted gets its requests later; the others keep getting theirs.
      if (gate.isClosed(request.service) && queue.some((other) => !gate.isClosed(other.service))) {
        queue.push(request);
        continue;
      }
      const port = ports.get(request.service);
      if (port === undefined) throw new Error(`no port for ${request.service}`);
      const body = typeof request.body === 'function' ? request.body() : request.body;
      let status = 0;
      let problem: string | undefined;
      await gate.enter(request.service);
      try {
        const answer = await sendRaw(agent, { host: '127.0.0.1', port }, { ...request, body });
        status = answer.status;
        problem = judge(answer.status, answer.body);
      } catch (error) {
        problem = `no answer (${error instanceof Error ? error.message : String(error)})`;
      } finally {
        gate.release(request.service);
      }
      outcome.sent += 1;
      const counts = outcome.byCategory.get(request.category) ?? new Map<number, number>();
      counts.set(status, (counts.get(status) ?? 0) + 1);
      outcome.byCategory.set(request.category, counts);
      if (problem) {
        outcome.failureCount += 1;
        if (outcome.failures.length < FAILURES_KEPT) {
          outcome.failures.push(
            `${request.category}: ${request.service} ${request.method} ${request.path.slice(0, 120)} ${describeBody(body)} → ${problem}`,
          );
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  outcome.seconds = (performance.now() - started) / 1_000;
  return outcome;
}

/** Undefined when the answer is a clear refusal; otherwise what is wrong with it. */
export function judge(status: number, body: string): string | undefined {
  if (status < 400 || status >= 500) return `${status} ${body.slice(0, 200)}`;
  try {
    const parsed = JSON.parse(body) as { statusCode?: unknown; message?: unknown };
    if (parsed.statusCode === status && typeof parsed.message === 'string' && parsed.message.trim() !== '')
      return undefined;
  } catch {
    // falls through: not JSON
  }
  return `${status} without an error message: ${body.slice(0, 200)}`;
}

function describeBody(body: string | undefined): string {
  if (body === undefined) return '(no body)';
  return body.length > 160 ? `${JSON.stringify(body.slice(0, 120))}… (${body.length} chars)` : JSON.stringify(body);
}
