import { Inject, Injectable, NotFoundException, type OnModuleDestroy } from '@nestjs/common';

import { type CatalogRedisConfig, catalogRedisConfig } from '../config/catalog-redis.config';
import { ProductCatalog } from '../products/product-catalog.service';
import { isAvailable } from '../products/product-entry';
import { toSamples } from './sample-entries';
import { SampleRedis } from './sample-redis';
import type { StreamSamples } from './stream-sample';

/**
 * The newest events of an output stream, masked: only streams that a product's manifest
 * declares are read (the key comes from that manifest, never from the request), and only
 * through `toSamples`, so nothing classified leaves the catalog.
 */
@Injectable()
export class StreamSampleReader implements OnModuleDestroy {
  private readonly redis: SampleRedis | undefined;

  constructor(
    @Inject(catalogRedisConfig.KEY) config: CatalogRedisConfig,
    private readonly catalog: ProductCatalog,
  ) {
    this.redis = config.topology ? new SampleRedis(config.topology, config.timeoutMs) : undefined;
  }

  /** @throws NotFoundException when no readable manifest declares `stream` as an output. */
  async latest(stream: string, count: number): Promise<StreamSamples> {
    const snapshot = await this.catalog.snapshot();
    const producer = snapshot.products
      .filter(isAvailable)
      .map(({ document }) => document.manifest)
      .find((manifest) => manifest.outputPorts.streams.some((port) => port.stream === stream));
    const port = producer?.outputPorts.streams.find((candidate) => candidate.stream === stream);
    if (!producer || !port) throw new NotFoundException(`no product in the catalog publishes a stream ${stream}`);
    const key = port.key ?? `{${stream}}`;
    const answer = { stream, key, producer: producer.name, readAt: new Date().toISOString(), count };
    if (!this.redis) {
      return { ...answer, samples: [], error: 'the catalog has no event bus configured (REDIS_URL is not set)' };
    }
    try {
      return { ...answer, samples: toSamples(await this.redis.latest(key, count), producer, port) };
    } catch (error) {
      return { ...answer, samples: [], error: error instanceof Error ? error.message : String(error) };
    }
  }

  onModuleDestroy(): void {
    this.redis?.close();
  }
}
