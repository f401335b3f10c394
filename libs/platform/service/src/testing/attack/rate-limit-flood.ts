import type { AttackAnswer, AttackRequest, SendRequest } from './http-sender';

export interface Flood {
  /** Answers before the first 429. */
  readonly answeredBeforeRefusal: number;
  /** The first 429, if one came within `max + 1` requests. */
  readonly refusal?: AttackAnswer;
}

/**
 * Sends `request` up to `max + 1` times, one after another, and stops at the first 429: a client
 * limited to `max` requests per window must get exactly `max` answers first, then the refusal.
 */
export async function floodUntilRefused(send: SendRequest, request: AttackRequest, max: number): Promise<Flood> {
  for (let sent = 0; sent <= max; sent += 1) {
    const answer = await send(request);
    if (answer.status === 429) return { answeredBeforeRefusal: sent, refusal: answer };
  }
  return { answeredBeforeRefusal: max + 1 };
}
