import type { DataProduct, DataProductManifest, DataProductStatus, QualityEvent } from '@mesh/contract-kit';

import type { ReadinessContext } from '../health/readiness-check';
import type { ResourceSampler } from './quality/data-quality-monitor';

/** The figures a status source measures; the endpoint adds the time and the service-level checks. */
export type MeasuredFigures = Pick<DataProductStatus, 'outputs' | 'inputs' | 'outbox' | 'freshnessSeconds'>;

export interface DataProductStatusProbe {
  /**
   * Reads the figures now. A part that cannot be measured should come back with null figures
   * and an `error` rather than reject, so that the other parts still show; the endpoint also
   * stops waiting after its timeout.
   */
  measure(manifest: DataProductManifest): Promise<MeasuredFigures>;
  /**
   * The events of the newest `count` entries of an output stream at its Redis key, newest first
   * (XREVRANGE, no group), each with the time it reached the stream; entries that are not events
   * left out. What the data-quality rules on events are checked on; without it those rules report
   * that they could not be measured.
   */
  sampleStream?(key: string, count: number): Promise<QualityEvent[]>;
  /** Releases what setup opened (e.g. the source's own Redis connection). */
  close?(): Promise<void> | void;
}

/**
 * Where the live figures of `/.well-known/data-product` come from. @mesh/service knows no broker
 * or store, so a domain plugs one in: `@mesh/messaging` has `typeormDataProductStatus()` and
 * `mongooseDataProductStatus()`. Set up once at start-up with the app's providers and config.
 */
export interface DataProductStatusSource {
  setup(context: ReadinessContext): DataProductStatusProbe | Promise<DataProductStatusProbe>;
}

/** What a domain passes as `ServiceModule.forRoot({ dataProduct })` to serve its product. */
export interface DataProductOptions {
  /** The product from the domain's contracts library, e.g. `ordersProduct` (its definition holds the quality rules' checks). */
  readonly product: Pick<DataProduct, 'manifest'> & Partial<Pick<DataProduct, 'definition'>>;
  readonly status: DataProductStatusSource;
  /**
   * Where the items of each API resource that a quality rule names come from: one bounded query
   * of the domain's store per resource (the newest `limit` items), set up with the app's providers
   * like the status source. A resource rule without its sampler stops the start.
   */
  readonly qualityResources?: Readonly<Record<string, (context: ReadinessContext) => ResourceSampler>>;
  /** How long a request waits for the figures before answering without them (default 2000 ms). */
  readonly timeoutMs?: number;
}

export const DEFAULT_DATA_PRODUCT_TIMEOUT_MS = 2_000;
