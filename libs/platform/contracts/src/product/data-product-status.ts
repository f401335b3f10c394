import type { DataProductManifest } from './data-product';
import type { QualityDimension } from './quality-rules';

/**
 * What `GET /.well-known/data-product` answers: the manifest plus what the service measured
 * when asked. Every figure is read live from Redis and the domain's own store. A figure that
 * could not be measured in time is `null`, and the part it belongs to carries an `error`.
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
  /**
   * How far behind its inputs the domain's data is, in seconds: the largest `behindSeconds` of
   * its inputs. 0 when every input is caught up (nothing waits, however long ago the last event
   * came); null when the product has no inputs or an input could not be measured.
   */
  freshnessSeconds: number | null;
  /**
   * The manifest's data-quality rules checked on a sample of the product's newest output; absent
   * in a document of a service that predates them.
   */
  quality?: DataQualityStatus;
  serviceLevels: ServiceLevelCheck[];
}

export interface DataQualityStatus {
  /** ISO time the sample was read and checked (a check is reused for a while: it is not free). */
  checkedAt: string;
  rules: QualityRuleResult[];
}

export interface QualityRuleResult {
  id: string;
  description: string;
  dimension: QualityDimension;
  /** `<event type>[, …]` or `api:<resource>`. */
  target: string;
  /** Items of the sample the rule looked at; null when the sample could not be read. */
  sampled: number | null;
  /** Items that break it (for `unique`: items whose key an earlier item already had). */
  failed: number | null;
  /** Up to five event ids or resource ids that break it, to find them. */
  failing: string[];
  /** Kept on the sample; a rule whose sample could not be read counts as not kept. */
  kept: boolean;
  /** Why there is no sample, as for a stream's figures (a stable code and a short reason). */
  error?: string;
}

export interface OutputStreamStatus {
  stream: string;
  /** XLEN of the stream; 0 when it does not exist yet; null when not measured. */
  length: number | null;
  /** Every consumer group on the stream (other domains' and this one's), from XINFO GROUPS. */
  groups: Array<{
    name: string;
    lag: number | null;
    pending: number;
    consumers: number;
    /** Entries the group lost because it fell further behind than the stream's replay cap (all time). */
    lostToCap: number;
  }>;
  /**
   * Why the figures are missing, when they are: a stable code and a short reason, `timeout: no
   * answer within 2000 ms` or `failed: …` (the driver's words stay in the service's log).
   */
  error?: string;
}

export interface InputStreamStatus {
  stream: string;
  group: string;
  /**
   * Entries not yet delivered to this group (XINFO GROUPS lag of the stream plus the group's
   * redrive stream); null when Redis cannot tell or it was not measured.
   */
  lag: number | null;
  /** Delivered, not yet acknowledged (stream plus redrive stream); null when not measured. */
  pending: number | null;
  /** Entries in this group's dead-letter stream; null when not measured. */
  deadLetters: number | null;
  /**
   * Entries this group lost because it fell further behind than the producer's replay cap (all
   * time, counted by the producer's trimmer); null when not measured.
   */
  lostToCap: number | null;
  /**
   * Age in seconds of the oldest entry this group has not applied yet (pending or not yet
   * delivered), by the stream entry id's timestamp; 0 when caught up; null when not measured.
   */
  behindSeconds: number | null;
  /** Time of the newest entry delivered to the group (its last-delivered id); null before the first. */
  lastDeliveredAt: string | null;
  /** Why the figures are missing, when they are (as for an output stream). */
  error?: string;
}

export interface OutboxStatus {
  /** Events written but not yet published; null when not measured. */
  backlog: number | null;
  /** Age of the oldest unpublished event, in seconds; null when the backlog is empty or not measured. */
  oldestAgeSeconds: number | null;
  /** Why the figures are missing, when they are (as for an output stream). */
  error?: string;
}

export interface ServiceLevelCheck {
  /** `freshness`, `consumer-lag:<stream>`, `outbox-age`, `dead-letters:<stream>`, `quality:<rule id>`. */
  name: string;
  /** What was promised, in words, e.g. `≤ 60 s`. */
  objective: string;
  /** What was measured, in words (`not measured: …` when it could not be). */
  measured: string;
  /** Kept right now; a promise that could not be measured counts as not kept. */
  kept: boolean;
}
