import type { EntityManager } from 'typeorm';

// One transaction-scoped advisory lock guards the live tables against the rebuild's swap.
const LOCK_KEY = `hashtextextended('analytics_projection_swap', 0)`;

/**
 * Taken (shared) first in every live handler's transaction: handlers run side by side, but none
 * is in the middle of a transaction when the swap holds the lock, and those that arrive during
 * the swap wait for it and then write to the swapped-in tables.
 */
export async function shareProjectionLock(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock_shared(${LOCK_KEY})`);
}

/** Taken by the rebuild's swap transaction: waits for running handlers, holds new ones back. */
export async function takeProjectionLockExclusively(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
}
