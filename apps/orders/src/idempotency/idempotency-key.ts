import type { OrderResponse } from '@mesh/orders-contracts';
import { ConflictError, RuleViolationError } from '@mesh/service';

/**
 * An `Idempotency-Key` and the order it placed, written in the transaction that placed it: a
 * retry finds the key and gets the first response back instead of a second order. Only placed
 * orders are remembered: a refused request rolls its key back with everything else, so that a
 * retry after the cause is fixed (say, the customer's registration reached the replica) can
 * still succeed.
 */
export interface IdempotencyKey {
  key: string;
  /** SHA-256 of the canonical request body (requestFingerprint): the same key with another body is refused. */
  requestHash: string;
  /** Null only inside the placing transaction, between claiming the key and placing the order. */
  response: OrderResponse | null;
}

/**
 * The response a key got before, for a request that sent it again.
 * @throws RuleViolationError (422) when the key was used with another request body.
 * @throws ConflictError (409) when the request that claimed the key has not answered yet.
 */
export function earlierResponse(earlier: IdempotencyKey, requestHash: string): OrderResponse {
  if (earlier.requestHash !== requestHash) {
    throw new RuleViolationError(
      `Idempotency-Key "${earlier.key}" was already used for another request; send a new key for a new order`,
    );
  }
  // Defensive: the row becomes visible only when its transaction commits, response included.
  if (earlier.response === null) throw requestInFlight(earlier.key);
  return earlier.response;
}

export function requestInFlight(key: string): ConflictError {
  return new ConflictError(`a request with Idempotency-Key "${key}" is still in flight; retry later`);
}
