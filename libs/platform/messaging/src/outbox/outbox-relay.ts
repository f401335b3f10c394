import type { RedisClient } from '@mesh/service';

import type { OutboxBacklog } from '../metrics/messaging-metrics';
import { EventPublisher } from '../publisher/event-publisher';
import { awaitReplicas } from './await-replicas';
import type { OutboxStore, PendingEvents } from './outbox-store';
import type { OutgoingEvent } from './publishable-event';
import { RecentlyPublished } from './recently-published';
import { OutboxRelayOptions, ResolvedOutboxRelayOptions, resolveRelayOptions, retryDelayMs } from './relay-options';
import { connectRelayRedis } from './relay-redis';
import { idsAlreadyOnStreams } from './stream-tail';
import { Wakeup } from './wakeup';

/**
 * Publishes the events committed to a domain's outbox, in order, and marks them published; the
 * store (PostgreSQL rows, MongoDB documents) is reached only through its `OutboxStore` adapter.
 * Run one per replica: the store's leadership makes one of them active per domain, and another
 * takes over when it stops or dies. When Redis or the store fails it backs off and retries.
 * After a failure or a takeover it first reads the stream tails back and skips the events that
 * are already there, so no event is published twice; nor is one the store shows again after
 * this relay published it. With `replicaWait` it marks events published only once replicas
 * hold their entries, so that a failover of the master loses none.
 */
export class OutboxRelay<Batch extends PendingEvents = PendingEvents> {
  private readonly options: ResolvedOutboxRelayOptions;
  private readonly recent: RecentlyPublished;
  private readonly newEvents = new Wakeup();
  private readonly stopping = new Wakeup();
  private connection: { redis: RedisClient; publisher: EventPublisher } | undefined;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private leading = false;
  private lostAt = Number.NEGATIVE_INFINITY;
  private failures = 0;
  /** After a failure or a takeover, some pending events may already be on their streams. */
  private uncertain = true;
  private lastCleanup = 0;

  constructor(
    private readonly store: OutboxStore<Batch>,
    options: OutboxRelayOptions,
  ) {
    this.options = resolveRelayOptions(options);
    this.recent = new RecentlyPublished(this.options.rememberPublished);
    store.listen?.({
      newEvents: () => this.newEvents.signal(),
      leadershipLost: () => {
        if (this.leading) this.lose('its connection to the store broke');
        this.newEvents.signal();
      },
      problem: (message, error) => this.problem(message, error),
    });
  }

  /** Whether this replica is the domain's active relay right now (the others stand by). */
  get active(): boolean {
    return this.leading && this.store.leadership.held;
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

  /** Starts relaying in the background; neither Redis nor the store need be reachable. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const redis = connectRelayRedis(this.options.redis, (error) => this.problem('Redis connection lost', error));
    this.connection = { redis, publisher: new EventPublisher(redis, this.options.catalog) };
    this.loop = this.run();
  }

  /** Lets the current round finish, gives the leadership up (a standby takes over) and disconnects. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.newEvents.signal();
    this.stopping.signal();
    await this.loop;
    const redis = this.connection?.redis;
    this.connection = undefined;
    await redis?.quit().catch(() => redis.disconnect());
  }

  /** Committed events not yet published, and the age of the oldest, for metrics. */
  backlog(): Promise<OutboxBacklog> {
    return this.store.backlog();
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (await this.lead()) await this.round();
      else await this.stopping.wait(this.options.standbyRetryMs);
    }
    await this.resign();
  }

  /** Claims (or keeps) the leadership; the round after taking it over starts uncertain. */
  private async lead(): Promise<boolean> {
    const { leadership } = this.store;
    // A relay whose leadership just broke is the likely unhealthy one: a standby goes first.
    if (!this.leading && Date.now() - this.lostAt < this.options.standbyRetryMs) return false;
    let held: boolean;
    try {
      held = await leadership.claim();
    } catch (error) {
      this.problem('claiming the leadership failed; retrying', error);
      held = leadership.held;
    }
    if (held && !this.leading) {
      this.leading = true;
      this.uncertain = true; // the previous holder may have died between publishing and marking
      this.failures = 0;
      this.options.observer.activeChanged?.(true);
      const renewWithin = leadership.renewWithinMs ?? Number.POSITIVE_INFINITY;
      await this.stopping.wait(Math.min(this.options.takeoverDelayMs, renewWithin));
    } else if (!held && this.leading) {
      this.lose('another replica holds the leadership now');
    }
    return held && this.running;
  }

  /** One round, then a wait: for new events when none were found, or the back-off after a failure. */
  private async round(): Promise<void> {
    let found: number;
    try {
      found = await this.relayOneBatch();
      this.failures = 0;
    } catch (error) {
      this.uncertain = true;
      this.failures += 1;
      const delay = retryDelayMs(this.options, this.failures);
      this.problem(`relaying failed ${this.failures} time(s) in a row; retrying in ${delay} ms`, error);
      // Not woken by new events: during an outage every commit would otherwise cut the back-off short.
      await this.stopping.wait(delay);
      return;
    }
    await this.removeExpiredWhenDue();
    if (found === 0 && this.running) {
      const renewWithin = this.store.leadership.renewWithinMs ?? Number.POSITIVE_INFINITY;
      await this.newEvents.wait(Math.min(this.options.pollIntervalMs, renewWithin));
    }
  }

  /** @returns how many pending events the round took care of. */
  private async relayOneBatch(): Promise<number> {
    const { redis, publisher } = this.connection as { redis: RedisClient; publisher: EventPublisher };
    const started = performance.now();
    const batch = await this.store.readPending();
    const { events } = batch;
    if (events.length === 0) return 0;
    if (redis.status !== 'ready') {
      throw new Error(`Redis is not reachable (connection ${redis.status}); ${events.length} event(s) wait`);
    }
    const window = { maxEntries: this.options.duplicateWindow, clockSkewMs: this.options.clockSkewMs };
    const onStreams = this.uncertain ? await idsAlreadyOnStreams(redis, events, window) : new Set<string>();
    const fresh = events.filter(({ envelope }) => !onStreams.has(envelope.id) && !this.recent.has(envelope.id));
    if (!this.store.leadership.held) return 0; // lost while reading: the new holder publishes them
    await publisher.publishChecked(fresh);
    // Before anything counts as published: the entries found on the streams too, which a failed
    // round or a dead relay wrote and which may not have reached a replica either.
    await this.confirmReplicated(redis, events);
    this.recent.add(events.map(({ envelope }) => envelope.id));
    this.uncertain = false;
    await this.store.markPublished(batch);
    const durationMs = performance.now() - started;
    this.options.observer.relayed?.({
      published: fresh.length,
      alreadyOnStream: events.length - fresh.length,
      durationMs,
    });
    return events.length;
  }

  /**
   * Waits for the replicas (`replicaWait`) to hold the batch's entries. When they fall short the
   * round fails: its rows stay unsent and the next round, after the back-off, reads the stream
   * tails back. An entry still on the master is not written again, and WAIT on the same
   * connection covers it again (WAIT counts the connection's last write); one that a failover
   * lost is not on the new master's tail and is written again. (After a reconnection WAIT no
   * longer covers the older writes: a blip of the relay's connection followed within a second by
   * a failover of a master that stayed up meanwhile can still lose an entry.)
   */
  private async confirmReplicated(redis: RedisClient, events: readonly OutgoingEvent[]): Promise<void> {
    const behind = await awaitReplicas(redis, events.map(({ stream }) => stream), this.options.replicaWait);
    if (behind.length === 0) return;
    this.options.observer.replicasBehind?.(behind);
    const servers = behind.map(({ server, acknowledged, wanted }) => `${server}: ${acknowledged} of ${wanted}`);
    throw new Error(
      `${events.length} event(s) stay unsent: their entries reached too few replicas within ${this.options.replicaWait.timeoutMs} ms (${servers.join(', ')})`,
    );
  }

  private async removeExpiredWhenDue(): Promise<void> {
    if (!this.store.removeExpired || Date.now() - this.lastCleanup < this.options.cleanupIntervalMs) return;
    this.lastCleanup = Date.now();
    try {
      await this.store.removeExpired(() => this.running);
    } catch (error) {
      this.problem('deleting published events failed; trying again later', error);
    }
  }

  private async resign(): Promise<void> {
    if (!this.leading) return;
    this.leading = false;
    try {
      await this.store.leadership.release();
    } catch (error) {
      this.problem('giving up the leadership failed', error);
    }
    this.options.observer.activeChanged?.(false);
  }

  private lose(why: string): void {
    this.leading = false;
    this.lostAt = Date.now();
    this.problem(`no longer the active relay: ${why}`, undefined);
    this.options.observer.activeChanged?.(false);
  }

  private problem(message: string, error: unknown): void {
    try {
      this.options.observer.problem?.(`outbox relay ${this.options.name}: ${message}`, error);
    } catch {
      // An observer that throws must not stop the relay.
    }
  }
}
