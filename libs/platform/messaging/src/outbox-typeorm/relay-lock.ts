import type { Notification, PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

import type { RelayLeadership } from '../outbox/outbox-store';
import { outboxChannel, relayLockName } from './outbox-names';

/** A connection that holds the relay's advisory lock and listens for new outbox rows. */
interface HeldLock {
  runner: QueryRunner;
  client: PoolClient;
  onNotification: (message: Notification) => void;
  onGone: () => void;
}

/**
 * The PostgreSQL session advisory lock that makes one relay per domain active. It lives on a
 * dedicated connection that also LISTENs for new rows and runs the relay's queries: when the
 * connection breaks the lock is gone with it, the server releases it to a waiting relay, and
 * the queries of the old holder fail instead of acting without the lock.
 */
export class RelayLock implements RelayLeadership {
  private holding: HeldLock | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly onNewRows: () => void,
    private readonly onLost: () => void,
  ) {}

  get held(): boolean {
    return this.holding !== undefined;
  }

  /** The connection that holds the lock; its queries fail once the lock is lost. */
  get runner(): QueryRunner {
    if (!this.holding) throw new Error('outbox relay: the advisory lock is not held');
    return this.holding.runner;
  }

  /**
   * Takes the lock if it is free. Without it no connection is kept, so standby relays do not
   * each hold one of the pool's connections.
   * @returns whether this relay holds the lock now.
   */
  async claim(): Promise<boolean> {
    if (this.holding) return true;
    const runner = this.dataSource.createQueryRunner('master');
    let client: PoolClient | undefined;
    try {
      client = (await runner.connect()) as PoolClient;
      const [{ locked }]: Array<{ locked: boolean }> = await runner.query(
        `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`,
        [relayLockName],
      );
      if (!locked) {
        await runner.release();
        return false;
      }
      this.hold(runner, client);
      await runner.query(`LISTEN ${outboxChannel}`);
      return true;
    } catch (error) {
      this.forget(runner);
      await closeSession(runner, client);
      throw new Error(`outbox relay: taking the advisory lock ${relayLockName} failed`, { cause: error });
    }
  }

  /** Gives the lock up and returns the connection, clean, to the pool. */
  async release(): Promise<void> {
    const held = this.holding;
    if (!held) return;
    this.forget(held.runner);
    try {
      await held.runner.query(`UNLISTEN *; SELECT pg_advisory_unlock_all()`);
      await held.runner.release();
    } catch {
      await closeSession(held.runner, held.client);
    }
  }

  private hold(runner: QueryRunner, client: PoolClient): void {
    const held: HeldLock = {
      runner,
      client,
      onNotification: (message) => {
        if (message.channel === outboxChannel) this.onNewRows();
      },
      onGone: () => this.drop(held),
    };
    client.on('notification', held.onNotification);
    client.on('error', held.onGone);
    client.on('end', held.onGone);
    this.holding = held;
  }

  /** The connection broke: the server has already released the lock with the session. */
  private drop(held: HeldLock): void {
    if (this.holding !== held) return;
    this.forget(held.runner);
    void closeSession(held.runner, held.client).catch(() => undefined);
    this.onLost();
  }

  private forget(runner: QueryRunner): void {
    const held = this.holding;
    if (!held || held.runner !== runner) return;
    this.holding = undefined;
    // The pool reuses the client: listeners left on it would fire for its next borrower.
    held.client.removeListener('notification', held.onNotification);
    held.client.removeListener('error', held.onGone);
    held.client.removeListener('end', held.onGone);
  }
}

/**
 * Ends the connection instead of returning it to the pool: a pooled connection that might
 * still hold the session lock would keep every relay of the domain standing by.
 */
async function closeSession(runner: QueryRunner, client: PoolClient | undefined): Promise<void> {
  await client?.end().catch(() => undefined);
  await runner.release();
}
