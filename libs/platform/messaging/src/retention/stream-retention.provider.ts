import type { DataProductManifest } from '@mesh/contract-kit';
import { createRedisClient } from '@mesh/service';
import { type FactoryProvider, Logger, type Type } from '@nestjs/common';

import { type RedisConfig,redisConfig } from '../config/redis-config';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { StreamRetention } from './stream-retention';

/** What can say whether this replica is the domain's one trimmer: its outbox relay, which holds a lease. */
export interface TrimmerLease {
  readonly active: boolean;
}

/**
 * A domain's StreamRetention as a Nest provider: it trims while this replica holds the lease of
 * `lease` (the domain's outbox relay, so one replica per domain trims), counts what it trims and
 * what slow groups lost (`mesh_stream_entries_trimmed_total`, `mesh_stream_entries_lost_total`),
 * and logs each group that lost entries. Its Redis connection fails commands fast during an
 * outage instead of queueing them, so a round never holds up shutdown.
 */
export function streamRetentionProvider(
  manifest: DataProductManifest,
  lease: Type<TrimmerLease>,
): FactoryProvider<StreamRetention> {
  return {
    provide: StreamRetention,
    inject: [redisConfig.KEY, lease, MessagingMetrics],
    useFactory: (redis: RedisConfig, trimmer: TrimmerLease, metrics: MessagingMetrics) => {
      const log = new Logger(StreamRetention.name);
      const counted = metrics.retentionObserver();
      // Connected now, so that the first round (one interval later) finds it ready: without an offline
      // queue a command sent while connecting would fail.
      const client = createRedisClient(redis.topology, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      client.on('error', () => undefined);
      return new StreamRetention(client, {
        manifest,
        replayOverride: redis.retention.replayOverride,
        deadLettersKeptMs: redis.retention.deadLettersKeptMs,
        intervalMs: redis.retention.intervalMs,
        isTrimmer: () => trimmer.active,
        observer: {
          ...counted,
          overridden: (override) =>
            log.warn(
              `every output stream keeps ${override.windowMs / 1_000} s (cap ${override.capMs / 1_000} s) instead of its declared replay window: STREAM_REPLAY_WINDOW_HOURS is set`,
            ),
          groupBehind: (stream, behind) => {
            counted.groupBehind?.(stream, behind);
            log.error(
              `group ${behind.group} lost ${behind.lost} entries of ${stream}: it fell further behind than the stream's cap`,
            );
          },
          problem: (message, error) =>
            log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`),
        },
      });
    },
  };
}
