import type { DestinationStream } from 'pino';

import type { ConfigNamespace } from './config/define-config';
import type { DataProductOptions } from './data-product/data-product-status-source';
import type { ReadinessCheck } from './health/readiness-check';

/** What a domain declares once in its root module. */
export interface ServiceModuleOptions {
  /**
   * Service name: logged on every line and used as a metrics label. When the environment sets no
   * PORT, a local run listens on the port the mesh registry (mesh.json) gives this name.
   */
  readonly name: string;
  /** The domain's configuration concerns, validated together with the base configuration. */
  readonly config?: readonly ConfigNamespace[];
  /** What must answer before the service takes traffic (databases, Redis, …). */
  readonly readiness?: readonly ReadinessCheck[];
  /** The domain's data product and where its live status comes from: serves `GET /.well-known/data-product`. */
  readonly dataProduct?: DataProductOptions;
  /**
   * `tokens` (default): every route needs an access token with its scope unless `@Public()`.
   * `public`: the service serves only public metadata (the catalog); no guard and no key needed.
   */
  readonly access?: 'tokens' | 'public';
}

/**
 * Process-level inputs that differ between production and tests. Kept out of
 * ServiceModuleOptions so a domain's module stays the same in both.
 */
export interface ServiceRuntime {
  /** Where configuration is read from (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where JSON log lines go (default: stdout). */
  readonly logDestination?: DestinationStream;
}

export const SERVICE_OPTIONS = Symbol('SERVICE_OPTIONS');
export const SERVICE_RUNTIME = Symbol('SERVICE_RUNTIME');
