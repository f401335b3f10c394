import { SERVICE_OPTIONS, type ServiceModuleOptions } from '@mesh/service';
import type { INestApplicationContext } from '@nestjs/common';

import { type RedisConfig, redisConfig } from '../config/redis-config';
import type { ConsumerReads } from '../consumer/consumer-declaration';
import type { EventHandler } from '../consumer/delivery';
import { assertInputPorts } from '../consumer/input-port-check';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { type ConsumerTuning, RedisStreamsServer } from './redis-streams.server';

/**
 * A domain's consumer as a transport of its app: Redis, the replica's consumer name and the idle
 * consumer threshold from `redisConfig`, metrics from the app's MessagingMetrics. Before it
 * starts, the declaration is checked against the input ports of the app's manifest for its group.
 * @throws Error naming every difference between the manifest and the declaration.
 */
export function consumerTransport(
  app: INestApplicationContext,
  declaration: ConsumerReads,
  handle: EventHandler,
  tuning: ConsumerTuning = {},
): RedisStreamsServer {
  const manifest = app.get<ServiceModuleOptions>(SERVICE_OPTIONS).dataProduct?.product.manifest;
  if (manifest) {
    const ports = manifest.inputPorts.filter((port) => port.group === declaration.group);
    assertInputPorts({ domain: manifest.domain, inputPorts: ports }, declaration.inputs);
  }
  const redis = app.get<RedisConfig>(redisConfig.KEY);
  return new RedisStreamsServer({
    idleConsumerMs: redis.idleConsumerMs,
    ...tuning,
    redis: redis.topology,
    consumer: redis.consumerName,
    declaration,
    handle,
    metrics: app.get(MessagingMetrics),
  });
}
