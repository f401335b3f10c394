import type { OrderResponse } from '@mesh/orders-contracts';
import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { IdempotencyKeyEntity } from './idempotency-key.entity';

/**
 * The `idempotency_keys` table. Only placed orders are remembered: a refused request rolls its
 * key back with everything else, so that a retry after the cause is fixed (say, the customer's
 * registration reached the replica) can still succeed.
 */
@Injectable()
export class IdempotencyKeys {
  /**
   * The response the key got before, or undefined when the key is new.
   * @throws UnprocessableEntityException when the key was used with another request body.
   */
  async previousResponse(manager: EntityManager, key: string, requestHash: string): Promise<OrderResponse | undefined> {
    const earlier = await manager.findOneBy(IdempotencyKeyEntity, { key });
    if (!earlier) return undefined;
    if (earlier.requestHash !== requestHash) {
      throw new UnprocessableEntityException(
        `Idempotency-Key "${key}" was already used for another request; send a new key for a new order`,
      );
    }
    // Defensive: the row becomes visible only when its transaction commits, response included.
    if (earlier.response === null) throw requestInFlight(key);
    return earlier.response;
  }

  /**
   * Claims the key in the caller's transaction. A concurrent claim of the same key waits on the
   * unique key until the first transaction ends: false if it committed, true if it rolled back.
   */
  async claim(manager: EntityManager, key: string, requestHash: string): Promise<boolean> {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (key, request_hash) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, requestHash],
    );
    return claimed.length === 1;
  }

  /** Stores the response of a claimed key, in the transaction that claimed it. */
  async complete(manager: EntityManager, key: string, response: OrderResponse): Promise<void> {
    await manager.update(IdempotencyKeyEntity, { key }, { response });
  }
}

export function requestInFlight(key: string): ConflictException {
  return new ConflictException(`a request with Idempotency-Key "${key}" is still in flight; retry later`);
}
