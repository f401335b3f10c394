import type { RedisClient } from '@mesh/service';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

import type { ConsumerObserver } from '../consumer/consumer-observer';
import type { PublisherObserver } from '../publisher/event-publisher';
import type { RetentionObserver } from '../retention/stream-retention';
import { GroupInfo, readGroups } from '../streams/group-info';
import { streamKeys, streamNameOf } from '../streams/stream-keys';

export interface OutboxBacklog {
  count: number;
  oldestAgeMs: number;
}

/**
 * The event bus's Prometheus metrics, registered once on the service's registry. Counters move
 * through the publisher and consumer observers; lag, pending and outbox backlog are read from
 * Redis and the outbox when Prometheus scrapes, so they are never stale.
 */
export class MessagingMetrics {
  private readonly published: Counter<'stream' | 'type'>;
  private readonly consumed: Counter<'group' | 'stream' | 'type'>;
  private readonly failed: Counter<'group' | 'stream' | 'type'>;
  private readonly deadLettered: Counter<'group' | 'stream'>;
  private readonly handlerDuration: Histogram<'group' | 'type'>;
  private readonly trimmed: Counter<'stream'>;
  private readonly lost: Counter<'group' | 'stream'>;
  private readonly neverDelivered: Counter<'group' | 'stream'>;
  private readonly replicasBehind: Counter<'outbox'>;
  private readonly streams = new Map<string, RedisClient>();
  private readonly outboxes = new Map<string, () => Promise<OutboxBacklog>>();

  constructor(registry: Registry) {
    const registers = [registry];
    this.published = new Counter({ name: 'mesh_events_published_total', help: 'Events written to a stream', labelNames: ['stream', 'type'], registers });
    this.consumed = new Counter({ name: 'mesh_events_consumed_total', help: 'Events handled and acknowledged', labelNames: ['group', 'stream', 'type'], registers });
    this.failed = new Counter({ name: 'mesh_events_failed_total', help: 'Handler failures (each delivery)', labelNames: ['group', 'stream', 'type'], registers });
    this.deadLettered = new Counter({ name: 'mesh_events_dead_lettered_total', help: 'Entries moved to a dead-letter stream', labelNames: ['group', 'stream'], registers });
    this.handlerDuration = new Histogram({
      name: 'mesh_event_handler_duration_seconds',
      help: 'Time spent in event handlers',
      labelNames: ['group', 'type'],
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers,
    });
    this.trimmed = new Counter({ name: 'mesh_stream_entries_trimmed_total', help: 'Entries removed from an output stream by its retention', labelNames: ['stream'], registers });
    this.lost = new Counter({ name: 'mesh_stream_entries_lost_total', help: 'Entries a group had not read or acknowledged when the stream cap removed them', labelNames: ['group', 'stream'], registers });
    this.neverDelivered = new Counter({
      name: 'mesh_consumer_entries_lost_total',
      help: 'Entries a consumer group never got: trimmed by the producer before the group read them',
      labelNames: ['group', 'stream'],
      registers,
    });
    this.replicasBehind = new Counter({
      name: 'mesh_outbox_replica_wait_failed_total',
      help: 'Relay rounds whose entries reached too few replicas in time (REDIS_WAIT_REPLICAS): their rows stayed unsent and were retried',
      labelNames: ['outbox'],
      registers,
    });
    this.registerStreamGauges(registers);
    this.registerOutboxGauges(registers);
  }

  retentionObserver(): RetentionObserver {
    return {
      trimmed: (result) => this.trimmed.inc({ stream: result.stream }, result.trimmed),
      groupBehind: (stream, behind) => this.lost.inc({ group: behind.group, stream }, behind.lost),
    };
  }

  publisherObserver(): PublisherObserver {
    return { published: (stream, type) => this.published.inc({ stream, type }) };
  }

  consumerObserver(group: string): ConsumerObserver {
    return {
      handled: (delivery, type, durationMs) => {
        this.consumed.inc({ group, stream: delivery.stream, type });
        this.handlerDuration.observe({ group, type }, durationMs / 1000);
      },
      failed: (delivery, type) => this.failed.inc({ group, stream: delivery.stream, type }),
      deadLettered: (delivery) => this.deadLettered.inc({ group, stream: delivery.stream }),
      entriesLost: (key, lost) => this.neverDelivered.inc({ group, stream: streamNameOf(key) }, lost),
    };
  }

  /** Reports lag and pending of every group of `stream` at each scrape. */
  watchStream(redis: RedisClient, stream: string): void {
    this.streams.set(stream, redis);
  }

  /** A relay round of `outbox` that replicas did not confirm in time. */
  replicaWaitFailed(outbox: string): void {
    this.replicasBehind.inc({ outbox });
  }

  watchOutbox(name: string, backlog: () => Promise<OutboxBacklog>): void {
    this.outboxes.set(name, backlog);
  }

  private registerStreamGauges(registers: Registry[]): void {
    const streams = this.streams;
    const groupGauge = (name: string, help: string, read: (group: GroupInfo) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ['stream', 'group'],
        registers,
        async collect() {
          this.reset();
          for (const [stream, redis] of streams) {
            for (const group of await readGroups(redis, streamKeys.source(stream))) {
              const value = read(group);
              if (value !== null) this.set({ stream, group: group.name }, value);
            }
          }
        },
      });
    groupGauge('mesh_consumer_lag', 'Entries not yet delivered to the group (XINFO GROUPS lag)', (group) => group.lag);
    groupGauge('mesh_consumer_pending', 'Entries delivered but not acknowledged', (group) => group.pending);
  }

  private registerOutboxGauges(registers: Registry[]): void {
    const outboxes = this.outboxes;
    const outboxGauge = (name: string, help: string, read: (backlog: OutboxBacklog) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['outbox'],
        registers,
        async collect() {
          for (const [outbox, backlog] of outboxes) this.set({ outbox }, read(await backlog()));
        },
      });
    outboxGauge('mesh_outbox_backlog', 'Outbox events not yet published', (backlog) => backlog.count);
    outboxGauge('mesh_outbox_oldest_age_seconds', 'Age of the oldest unsent outbox event', (backlog) => backlog.oldestAgeMs / 1000);
  }
}
