import type { DataProductStatusSource, ReadinessContext, RedisTarget } from '@mesh/service';

import { redisConfig } from '../config/redis-config';
import type { OutboxBacklog } from '../metrics/messaging-metrics';
import { measureFigures } from './measure-figures';
import { sampleStream } from './sample-stream';
import { StatusRedis } from './status-redis';

export interface StreamsStatusOptions {
  /** The event bus; defaults to `redisConfig`'s topology (compose `redisConfig` into the service's config). */
  redis?: (context: ReadinessContext) => RedisTarget;
  /**
   * How long one part of a measurement (the output streams, an input, the outbox) may take; under
   * the endpoint's own timeout (2 s), so that the parts that did answer still show. Default 1500 ms.
   */
  partTimeoutMs?: number;
}

const DEFAULT_PART_TIMEOUT_MS = 1_500;

/**
 * The live status of a data product whose events travel on Redis Streams, for
 * `ServiceModule.forRoot({ dataProduct: { product, status } })`; `outboxBacklog` reads the
 * domain's outbox. `typeormDataProductStatus` and `mongooseDataProductStatus` fill it in.
 */
export function streamsDataProductStatus(
  outboxBacklog: (context: ReadinessContext) => () => Promise<OutboxBacklog>,
  options: StreamsStatusOptions = {},
): DataProductStatusSource {
  const partTimeoutMs = options.partTimeoutMs ?? DEFAULT_PART_TIMEOUT_MS;
  return {
    setup: (context) => {
      const backlog = outboxBacklog(context);
      const target = options.redis ? options.redis(context) : context.config(redisConfig).topology;
      const redis = new StatusRedis(target, partTimeoutMs);
      return {
        measure: (manifest) =>
          measureFigures(manifest, { redisClock: () => redis.clock(), outboxBacklog: backlog, partTimeoutMs }),
        // The data-quality rules' sample of an output stream, on the same fail-fast connection.
        sampleStream: async (key, count) => sampleStream((await redis.clock()).redis, key, count),
        close: () => redis.close(),
      };
    },
  };
}
