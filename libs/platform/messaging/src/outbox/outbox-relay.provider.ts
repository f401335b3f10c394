import { type FactoryProvider, type InjectionToken, Logger } from '@nestjs/common';

import { type RedisConfig, redisConfig } from '../config/redis-config';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import type { ReplicasBehind } from './await-replicas';
import { OutboxRelay } from './outbox-relay';

/** What the provider hands a store's relay factory: the Redis settings and a logging observer. */
export interface RelayWiring {
  redis: RedisConfig;
  observer: {
    activeChanged(active: boolean): void;
    replicasBehind(behind: ReplicasBehind[]): void;
    problem(message: string, error: unknown): void;
  };
}

/**
 * A domain's outbox relay as the Nest provider `OutboxRelay`, whatever its store: it starts and
 * stops with the app, logs its problems and when it becomes the active relay, and reports its
 * backlog as `mesh_outbox_backlog{outbox=<name>}` and rounds that replicas did not confirm as
 * `mesh_outbox_replica_wait_failed_total{outbox=<name>}`. `create` gets the values of `inject`, in
 * order, and the wiring. Needs `redisConfig` and a MessagingMetrics provider.
 */
export function relayProvider<Injected extends unknown[]>(
  name: string,
  inject: readonly InjectionToken[],
  create: (injected: Injected, wiring: RelayWiring) => OutboxRelay,
): FactoryProvider<OutboxRelay> {
  return {
    provide: OutboxRelay,
    inject: [...inject, redisConfig.KEY, MessagingMetrics],
    useFactory: (...args: unknown[]) => {
      const injected = args.slice(0, inject.length) as Injected;
      const [redis, metrics] = args.slice(inject.length) as [RedisConfig, MessagingMetrics];
      const log = new Logger(`OutboxRelay ${name}`);
      const relay = create(injected, {
        redis,
        observer: {
          activeChanged: (active) => log.log(active ? 'publishing as the active relay' : 'standing by'),
          // The round's failure is logged as a problem too; the metric counts them.
          replicasBehind: () => metrics.replicaWaitFailed(name),
          problem: (message, error) => log.warn(error instanceof Error ? `${message}: ${error.message}` : message),
        },
      });
      metrics.watchOutbox(name, () => relay.backlog());
      return relay;
    },
  };
}
