import { isDuplicateKey } from '@mesh/messaging/mongoose';
import type { mongo } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** One held lock: `{ _id: 'customer:<id>', token, expiresAt }`. */
export interface ReplicaLockDocument {
  _id: string;
  token: string;
  expiresAt: Date;
}

export interface ReplicaLocksOptions {
  /** A lock older than this belonged to a replica that died holding it, and may be broken. */
  ttlMs?: number;
  /** How long `withLocks` waits for a lock before it fails (the write is then retried by its caller). */
  waitMs?: number;
}

/**
 * Mutual exclusion between replicas (and within one) for writes to one document, on a store
 * whose updates are not atomic: FerretDB v1 (SQLite) reads a document and writes it back in two
 * steps, so two connections updating one document lose one update, `$inc` included. Only an
 * insert is decided by the store (the unique `_id`), so taking a lock inserts its document and
 * releasing deletes it.
 *
 * A replica killed while holding a lock leaves it behind; after `ttlMs` another may break it.
 * Breaking is itself decided by an insert (`<key>!broken!<token>`), so of several replicas that
 * find the same stale lock only one deletes it. A holder whose work outlasted two thirds of the
 * TTL does not delete its lock (it may have been broken and taken since): it is left to expire.
 */
export class ReplicaLocks {
  private readonly ttlMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly locks: mongo.Collection<ReplicaLockDocument>,
    options: ReplicaLocksOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5_000;
    this.waitMs = options.waitMs ?? this.ttlMs + 5_000;
  }

  /** Runs `work` holding the locks of every key (taken in sorted order, so two callers cannot deadlock). */
  async withLocks<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const held: Array<{ key: string; token: string; takenAt: number }> = [];
    try {
      for (const key of [...new Set(keys)].sort()) held.push({ key, ...(await this.take(key)) });
      return await work();
    } finally {
      for (const lock of held.reverse()) await this.release(lock.key, lock.token, lock.takenAt);
    }
  }

  private async take(key: string): Promise<{ token: string; takenAt: number }> {
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      const token = randomUUID();
      const takenAt = Date.now();
      try {
        await this.locks.insertOne({ _id: key, token, expiresAt: new Date(takenAt + this.ttlMs) });
        return { token, takenAt };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const holder = await this.locks.findOne({ _id: key });
      if (holder && holder.expiresAt.getTime() < Date.now()) await this.breakStale(holder);
      if (Date.now() - started > this.waitMs)
        throw new Error(`lock ${key} is still held after ${this.waitMs} ms (until ${holder?.expiresAt.toISOString()})`);
      // 1, 2, 4 … 32 ms with jitter: a write holds a lock for a few milliseconds.
      await sleep(Math.random() * Math.min(32, 2 ** attempt));
    }
  }

  private async breakStale(stale: ReplicaLockDocument): Promise<void> {
    const claim = `${stale._id}!broken!${stale.token}`;
    try {
      await this.locks.insertOne({ _id: claim, token: stale.token, expiresAt: stale.expiresAt });
    } catch (error) {
      if (isDuplicateKey(error)) return; // another replica is breaking it
      throw error;
    }
    await this.locks.deleteOne({ _id: stale._id, token: stale.token });
    await this.locks.deleteOne({ _id: claim });
  }

  private async release(key: string, token: string, takenAt: number): Promise<void> {
    if (Date.now() - takenAt > (2 * this.ttlMs) / 3) return;
    await this.locks.deleteOne({ _id: key, token }).catch(() => undefined);
  }
}
