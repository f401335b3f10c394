import type { DataProductManifest } from './data-product';

/**
 * What `GET /.well-known/data-product` answers: the manifest plus what the service measured
 * when asked. Every figure is read live from Redis and the domain's own store.
 */
export interface DataProductDocument {
  manifest: DataProductManifest;
  status: DataProductStatus;
}

export interface DataProductStatus {
  /** ISO time the figures were read. */
  measuredAt: string;
  outputs: OutputStreamStatus[];
  inputs: InputStreamStatus[];
  outbox: OutboxStatus;
  /** Age of the newest input event this domain applied, in seconds; null when none yet or no inputs. */
  freshnessSeconds: number | null;
  serviceLevels: ServiceLevelCheck[];
}

export interface OutputStreamStatus {
  stream: string;
  /** XLEN of the stream; 0 when it does not exist yet. */
  length: number;
  groups: Array<{ name: string; lag: number | null; pending: number; consumers: number }>;
}

export interface InputStreamStatus {
  stream: string;
  group: string;
  /** Entries not yet delivered to this group (XINFO GROUPS lag); null when Redis cannot tell. */
  lag: number | null;
  /** Delivered, not yet acknowledged. */
  pending: number;
  /** Entries in this group's dead-letter stream. */
  deadLetters: number;
}

export interface OutboxStatus {
  /** Events written but not yet published. */
  backlog: number;
  /** Age of the oldest unpublished event, in seconds; null when the backlog is empty. */
  oldestAgeSeconds: number | null;
}

export interface ServiceLevelCheck {
  /** `freshness`, `consumer-lag:<stream>`, `outbox-age`, `dead-letters:<stream>`. */
  name: string;
  /** What was promised, in words, e.g. `≤ 60 s`. */
  objective: string;
  /** What was measured, in words. */
  measured: string;
  kept: boolean;
}
