import { setTimeout as sleep } from 'node:timers/promises';

import {
  type ApiAnswer,
  type ApiOutcome,
  type ApiRequest,
  describeOutcome,
  isInconclusive,
  isSuccess,
  type MeshApi,
} from '../api/mesh-api';
import type { Problems } from '../problems';

/** Which answers say nothing about whether a request took effect, and how long it is sent again as it was. */
export interface RetryPolicy {
  /** No answer at all only, or also a gateway's 502/503/504. */
  readonly retry: 'no-answer' | 'inconclusive';
  readonly pauseMs: number;
  /** Gives up (a problem) after this many attempts, or once this long has passed. */
  readonly maxAttempts?: number;
  readonly deadlineMs?: number;
}

/** Straight to the services (the mesh e2e, the soak, the bench): any answer is conclusive; 20 attempts at most. */
export const DIRECT: RetryPolicy = { retry: 'no-answer', pauseMs: 500, maxAttempts: 20 };

/** Through a gateway whose tasks die and are replaced (the swarm e2e): 90 s at most (a task replaced, a slow start). */
export const THROUGH_GATEWAY: RetryPolicy = { retry: 'inconclusive', pauseMs: 250, deadlineMs: 90_000 };

export interface RequestCounts {
  /** Answers that said nothing, each followed by the same request again (same Idempotency-Key). */
  inconclusive: number;
  /** First attempts that did not succeed, of requests sent in strict mode (the rolling update allows none). */
  failedFirstAttempts: string[];
}

/** A conclusive answer, and how many attempts it took. */
export type Sent<T> = ApiAnswer<T> & { readonly attempts: number };

/**
 * Sends a request until its answer is conclusive, as a real client would: a POST /orders again
 * with its Idempotency-Key, so that a retry never places a second order. Giving up is a problem.
 */
export class ConclusiveRequests {
  constructor(
    private readonly api: MeshApi,
    private readonly policy: RetryPolicy,
    private readonly problems: Problems,
    private readonly counts: RequestCounts,
  ) {}

  /** `strict`: a first attempt that does not succeed is counted as failed, whatever follows. */
  async send<T>(request: ApiRequest, strict = false): Promise<Sent<T> | undefined> {
    const { maxAttempts = Infinity, deadlineMs = Infinity, pauseMs } = this.policy;
    const what = `${request.method} ${request.path}`;
    const started = Date.now();
    for (let attempts = 1; ; attempts += 1) {
      const outcome = await this.api.call<T>(request);
      if (strict && attempts === 1 && !isSuccess(outcome))
        this.counts.failedFirstAttempts.push(`${what}: ${describeOutcome(outcome)}`);
      if (!this.retried(outcome)) return { ...(outcome as ApiAnswer<T>), attempts };
      this.counts.inconclusive += 1;
      const seconds = (Date.now() - started) / 1_000;
      if (attempts >= maxAttempts || seconds * 1_000 > deadlineMs) {
        this.problems.add(
          `${what}: still ${describeOutcome(outcome)} after ${attempts} attempts in ${seconds.toFixed(0)} s`,
        );
        return undefined;
      }
      await sleep(pauseMs);
    }
  }

  private retried(outcome: ApiOutcome): boolean {
    return this.policy.retry === 'inconclusive' ? isInconclusive(outcome) : outcome.kind === 'no-answer';
  }
}
