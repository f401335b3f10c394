import type { Redis } from 'ioredis';

import type { OutboxBacklog } from '../metrics/messaging-metrics';
import { relayRedisOptions } from '../outbox-typeorm/relay-redis';
import { EventPublisher } from '../publisher/event-publisher';
import { assertOutboxField } from './outbox-field';
import { outboxBacklog } from './outbox-backlog';
import { pause } from './pause';
import { readPendingBatch, Unpublishable } from './pending-batch';
import { removePublished } from './published-removal';
import { RecentlyPublished } from './recently-published';
import { RelayLease } from './relay-lease';
import { MongoOutboxRelayOptions, ResolvedRelayOptions, resolveRelayOptions } from './relay-options';
import { idsAlreadyOnStreams } from './stream-tail';

/**
 * Publishes the events waiting in documents' outbox fields, per document in array order, and
 * then pulls exactly those from their documents. Only the holder of the domain's lease
 * publishes. Without change streams it polls; while Redis or MongoDB fail it backs off, and the
 * round after a failure (or after taking the lease over) first reads the streams back so that
 * events a broken round did publish are not published twice. Events it published itself and
 * finds again (a removal lost to a concurrent write on FerretDB) are only removed again.
 *
 * FerretDB v1 (SQLite) does not isolate concurrent updates of one document: a removal racing
 * with the application's update of the same document can also undo that update. MongoDB
 * applies each single-document update atomically, so production should run on MongoDB.
 */
export class MongoOutboxRelay {
  private readonly options: ResolvedRelayOptions;
  private readonly lease: RelayLease;
  private readonly unpublishable: Unpublishable = new Map();
  private readonly recent: RecentlyPublished;
  private stopping = new AbortController();
  private connection: Redis | undefined;
  private publisher: EventPublisher | undefined;
  private loops: Promise<void> | undefined;
  /** Some of the pending events may already be on their streams. */
  private suspect = true;

  constructor(options: MongoOutboxRelayOptions) {
    this.options = resolveRelayOptions(options);
    for (const model of this.options.models) assertOutboxField(model.schema, model.modelName);
    const { locks, domain, owner, leaseTtlMs } = this.options;
    this.lease = new RelayLease(locks, `${domain}:outbox-relay`, owner, leaseTtlMs);
    this.recent = new RecentlyPublished(this.options.rememberPublished);
  }

  /** Whether this replica is the active relay of its domain right now. */
  get active(): boolean {
    return this.lease.held;
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

  /** Starts competing for the lease and publishing; returns at once, even while Redis is down. */
  start(): void {
    if (this.loops) return;
    this.stopping = new AbortController();
    // Its own connection, with the TypeORM relay's settings: commands fail at once while Redis is
    // down instead of queueing (the relay backs off by itself), nothing is resent blindly after a
    // reconnect, and no command is retried silently: with ioredis's default retries a command in
    // flight when Redis went away could stay unanswered for good, and the relay with it.
    this.connection = this.options.redis.duplicate({
      ...relayRedisOptions,
      lazyConnect: false, // with no offline queue, a lazy connection would never be opened
    });
    // ioredis reports every failed reconnection attempt; one report per outage is enough.
    let reported = false;
    this.connection.on('ready', () => (reported = false));
    this.connection.on('error', (error: Error) => {
      if (!reported) this.problem('Redis connection lost; reconnecting', error);
      reported = true;
    });
    this.publisher = new EventPublisher(this.connection, this.options.catalog);
    this.loops = Promise.all([this.keepLease(), this.publishUntilStopped()]).then(() => undefined);
  }

  /** Finishes the round in progress, gives the lease up and closes the Redis connection. */
  async stop(): Promise<void> {
    if (!this.loops) return;
    this.stopping.abort();
    await this.loops;
    this.loops = undefined;
    await this.lease.release().catch((error: unknown) => this.problem('releasing the lease failed', error));
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }

  /** Events still waiting in the models' documents, whichever replica holds the lease. */
  backlog(): Promise<OutboxBacklog> {
    return outboxBacklog(this.options.models);
  }

  private async keepLease(): Promise<void> {
    const { owner, leaseTtlMs, observer } = this.options;
    while (!this.stopping.signal.aborted) {
      const held = this.lease.held;
      try {
        const holds = await this.lease.acquireOrRenew();
        if (holds && !held) {
          // Another replica may have published some of the pending events meanwhile.
          this.suspect = true;
          observer.leaseAcquired?.(owner);
        } else if (!holds && held) {
          observer.leaseLost?.(owner);
        }
      } catch (error) {
        this.problem('keeping the lease failed', error);
      }
      await pause(leaseTtlMs / 3, this.stopping.signal);
    }
  }

  private async publishUntilStopped(): Promise<void> {
    const { pollIntervalMs, maxBackoffMs } = this.options;
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      let published = 0;
      try {
        published = this.lease.held ? await this.round() : 0;
        failures = 0;
      } catch (error) {
        failures += 1;
        this.suspect = true;
        this.problem(`publishing pending events failed (${failures} time(s) in a row)`, error);
      }
      const wait = failures > 0 ? Math.min(maxBackoffMs, pollIntervalMs * 2 ** (failures - 1)) : pollIntervalMs;
      // A round that found events goes again at once: there may be more behind them.
      if (published === 0 || failures > 0) await pause(wait, this.stopping.signal);
    }
  }

  /** @returns how many pending events the round took care of. */
  private async round(): Promise<number> {
    const { models, catalog, batchDocuments, duplicateWindow, clockSkewMs, observer } = this.options;
    const connection = this.connection as Redis;
    const batch = await readPendingBatch(models, catalog, batchDocuments, this.unpublishable, (message, error) =>
      this.problem(message, error),
    );
    if (batch.events.length === 0) return 0;
    if (connection.status !== 'ready') {
      throw new Error(`Redis is not reachable (connection ${connection.status}); ${batch.events.length} event(s) wait`);
    }
    const checkStreams = this.suspect;
    this.suspect = false;
    const present = checkStreams
      ? await idsAlreadyOnStreams(connection, batch.events, { maxEntries: duplicateWindow, clockSkewMs })
      : new Set<string>();
    const fresh = batch.events
      .map(({ envelope }) => envelope)
      .filter((envelope) => !present.has(envelope.id) && !this.recent.has(envelope.id));
    if (!this.lease.held) return 0; // lost while reading: the new holder publishes them
    await (this.publisher as EventPublisher).publishBatch(fresh);
    this.recent.add(batch.events.map(({ envelope }) => envelope.id));
    await removePublished(batch.documents);
    observer.published?.(fresh.length, batch.events.length - fresh.length);
    return batch.events.length;
  }

  private problem(message: string, error: unknown): void {
    try {
      this.options.observer.problem?.(`[outbox relay ${this.options.domain}/${this.options.owner}] ${message}`, error);
    } catch {
      // An observer that throws must not stop the relay's loops.
    }
  }
}
