import { randomUUID } from 'node:crypto';

import { type AuthorizationMatrix, concretePath, type MatrixOptions, runAuthorizationMatrix } from './authorization-matrix';
import type { AttackRequest } from './http-sender';
import { floodUntilRefused } from './rate-limit-flood';

export interface AttackOptions extends MatrixOptions {
  /**
   * The service's RATE_LIMIT_MAX, to flood one read route past it as a client with a token and as
   * one without (from an address of its own, so only an in-process app); leave out over HTTP,
   * where the flood would throttle every other client of 127.0.0.1.
   */
  readonly rateLimit?: number;
}

export interface AttackReport extends AuthorizationMatrix {
  /** Per flooding client: the answers it got before its 429. */
  readonly floods: ReadonlyArray<{ readonly client: string; readonly answeredBeforeRefusal: number }>;
}

/**
 * The attack suite of one service: the authorization matrix over its OpenAPI document and, when
 * given its rate limit, a flood from each kind of client. Every deviation is in `mismatches`.
 */
export async function attackService(options: AttackOptions): Promise<AttackReport> {
  const matrix = await runAuthorizationMatrix(options);
  if (options.rateLimit === undefined) return { ...matrix, floods: [] };
  const reads = matrix.operations.filter((operation) => operation.method === 'GET');
  const read = reads.find((operation) => !operation.path.includes('{')) ?? reads[0];
  if (!read) throw new Error(`${options.domain} documents no GET route to flood`);
  const url = concretePath(read.path);
  const token = options.issuer.sign({ scopes: [read.scope], audience: options.domain, subject: `flooder-${randomUUID()}` });
  const clients: ReadonlyArray<[string, AttackRequest]> = [
    ['a client with a token', { method: 'GET', url, headers: { authorization: `Bearer ${token}` } }],
    ['a client without one', { method: 'GET', url, headers: {}, remoteAddress: '198.51.100.7' }],
  ];
  const mismatches = [...matrix.mismatches];
  const floods = [];
  for (const [client, request] of clients) {
    const flood = await floodUntilRefused(options.send, request, options.rateLimit);
    floods.push({ client, answeredBeforeRefusal: flood.answeredBeforeRefusal });
    const retryAfter = Number(flood.refusal?.headers['retry-after']);
    if (!flood.refusal) mismatches.push(`GET ${read.path} flooded by ${client}: no 429 after ${options.rateLimit + 1} requests`);
    else if (flood.answeredBeforeRefusal !== options.rateLimit)
      mismatches.push(`GET ${read.path} flooded by ${client}: 429 after ${flood.answeredBeforeRefusal} requests, not ${options.rateLimit}`);
    else if (!(retryAfter > 0)) mismatches.push(`GET ${read.path} flooded by ${client}: 429 without Retry-After`);
  }
  return { ...matrix, floods, mismatches };
}
