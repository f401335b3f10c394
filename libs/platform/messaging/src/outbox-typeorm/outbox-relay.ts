import type { Redis } from 'ioredis';

import type { OutboxBacklog } from '../metrics/messaging-metrics';
import { EventPublisher } from '../publisher/event-publisher';
import { deleteExpiredRows } from './outbox-cleanup';
import { readBacklog } from './outbox-queries';
import { resolveRelayOptions, ResolvedOutboxRelayOptions, retryDelayMs } from './outbox-relay-options';
import type { OutboxRelayOptions } from './outbox-relay-options';
import { relayBatch } from './relay-batch';
import { RelayLock } from './relay-lock';
import { connectRelayRedis } from './relay-redis';
import { Wakeup } from './wakeup';

/**
 * Publishes committed outbox rows to their streams, in insertion order, and marks them sent.
 * Run one per replica: a PostgreSQL advisory lock makes exactly one of them active per domain,
 * and another takes over when it stops or its connection drops. A NOTIFY from `outbox.add`
 * wakes it at commit; polling covers missed notifications. When Redis fails it backs off and
 * retries; before publishing again it skips the events that already reached their stream, so
 * no event is published twice.
 */
export class OutboxRelay {
  private readonly options: ResolvedOutboxRelayOptions;
  private readonly lock: RelayLock;
  private readonly newRows = new Wakeup();
  private readonly stopping = new Wakeup();
  private connection: { redis: Redis; publisher: EventPublisher } | undefined;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private failures = 0;
  /** After a failure or a takeover, events of unsent rows may already be on their streams. */
  private uncertain = true;
  private lastCleanup = 0;
  private lockLostAt = Number.NEGATIVE_INFINITY;

  constructor(options: OutboxRelayOptions) {
    this.options = resolveRelayOptions(options);
    this.lock = new RelayLock(
      this.options.dataSource,
      () => this.newRows.signal(),
      () => this.lockLost(),
    );
  }

  /** Whether this instance holds the lock and relays (the others stand by). */
  get active(): boolean {
    return this.lock.isHeld;
  }

  /**
   * Registered as a Nest provider, the relay runs with the application: it starts once every
   * module is initialised and stops after the HTTP server has closed, so that the events of the
   * last requests are still published before the process exits.
   */
  onApplicationBootstrap(): void {
    this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Starts relaying in the background; Redis need not be reachable. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const redis = connectRelayRedis(this.options.redis, (error) => this.problem('Redis connection lost', error));
    this.connection = { redis, publisher: new EventPublisher(redis, this.options.catalog) };
    this.loop = this.run();
  }

  /** Lets the current batch finish, releases the lock (another relay takes over) and disconnects. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.newRows.signal();
    this.stopping.signal();
    await this.loop;
    const redis = this.connection?.redis;
    this.connection = undefined;
    await redis?.quit().catch(() => redis.disconnect());
  }

  /** Committed events not yet published, and the age of the oldest, for metrics. */
  backlog(): Promise<OutboxBacklog> {
    return readBacklog(this.options.dataSource);
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (await this.takeLock()) await this.round();
      else await this.stopping.wait(this.options.lockRetryMs);
    }
    await this.releaseLock();
  }

  private async takeLock(): Promise<boolean> {
    if (this.lock.isHeld) return true;
    // A relay whose connection just broke is the likely unhealthy one: a standby goes first.
    if (Date.now() - this.lockLostAt < this.options.lockRetryMs) return false;
    try {
      if (!(await this.lock.tryAcquire())) return false;
    } catch (error) {
      this.problem('taking the relay lock failed; retrying', error);
      return false;
    }
    // The previous holder may have died between its XADDs and marking the rows sent.
    this.uncertain = true;
    this.failures = 0;
    this.options.observer.activeChanged?.(true);
    await this.stopping.wait(this.options.takeoverDelayMs);
    return true;
  }

  /** One batch, then a wait: for new rows when caught up, or the back-off after a failure. */
  private async round(): Promise<void> {
    let rows: number;
    try {
      rows = await this.relayOneBatch();
      this.failures = 0;
    } catch (error) {
      this.uncertain = true;
      this.failures += 1;
      const delay = retryDelayMs(this.options, this.failures);
      this.problem(`relaying failed ${this.failures} time(s) in a row; retrying in ${delay} ms`, error);
      // Not woken by NOTIFY: during an outage every commit would otherwise cut the back-off short.
      await this.stopping.wait(delay);
      return;
    }
    await this.cleanUpWhenDue();
    if (rows < this.options.batchSize && this.running) {
      await this.newRows.wait(this.options.pollIntervalMs);
    }
  }

  private async relayOneBatch(): Promise<number> {
    const { catalog, batchSize, dedupeWindow, observer } = this.options;
    const { redis, publisher } = this.connection as { redis: Redis; publisher: EventPublisher };
    const started = performance.now();
    const context = { runner: this.lock.runner, redis, publisher, catalog, batchSize, dedupeWindow };
    const { rows, published, alreadyOnStream } = await relayBatch(context, this.uncertain);
    this.uncertain = false;
    if (rows > 0) observer.relayed?.({ published, alreadyOnStream, durationMs: performance.now() - started });
    return rows;
  }

  private async cleanUpWhenDue(): Promise<void> {
    if (Date.now() - this.lastCleanup < this.options.cleanupIntervalMs) return;
    this.lastCleanup = Date.now();
    try {
      await deleteExpiredRows(this.lock.runner, this.options.retentionMs, () => this.running);
    } catch (error) {
      this.problem('deleting sent outbox rows failed; trying again later', error);
    }
  }

  private async releaseLock(): Promise<void> {
    if (!this.lock.isHeld) return;
    try {
      await this.lock.release();
    } catch (error) {
      this.problem('releasing the relay lock failed', error);
    }
    this.options.observer.activeChanged?.(false);
  }

  private lockLost(): void {
    this.lockLostAt = Date.now();
    this.problem('the relay lock connection was lost; trying to take the lock again', undefined);
    this.options.observer.activeChanged?.(false);
  }

  private problem(message: string, error: unknown): void {
    this.options.observer.problem?.(`outbox relay: ${message}`, error);
  }
}
