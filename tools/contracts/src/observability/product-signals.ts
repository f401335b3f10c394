import type { DataProduct, StreamReplay } from '@mesh/contract-kit';

/**
 * What the alert rules and the dashboard of one data product watch, read from its manifest:
 * the label values its series carry and the thresholds its service levels promise.
 *
 * The label values are the ones the services put on their metrics: `stream` is the stream's
 * name (`orders.order.v1`, not its Redis key), `group` the consumer group of an input port,
 * `outbox` the domain (the relay is registered under it), and `job` the domain too: the
 * Prometheus scrape job of the domain's tasks is named after it (see scrape-config.ts).
 */
export interface ProductSignals {
  domain: string;
  title: string;
  /** The scrape job of the domain's tasks. */
  job: string;
  /** The outbox label of the domain's relay. */
  outbox: string;
  inputs: Array<{ stream: string; group: string; from: string }>;
  outputs: Array<{ stream: string; replay: StreamReplay }>;
  /** The data-quality rules the domain checks on its own output (`mesh_data_quality_rule_kept`). */
  qualityRules: Array<{ id: string; description: string }>;
  levels: {
    freshnessSeconds?: number;
    maxConsumerLag: number;
    maxOutboxAgeSeconds: number;
    /** The availability objective as a fraction, 0.995 for `99.5%`. */
    availability: number;
    /** As the manifest writes it, for the messages. */
    availabilityText: string;
  };
}

export function productSignals(product: DataProduct): ProductSignals {
  const { manifest } = product;
  const levels = manifest.serviceLevels;
  return {
    domain: manifest.domain,
    title: manifest.title,
    job: manifest.domain,
    outbox: manifest.domain,
    inputs: manifest.inputPorts.map((port) => ({ stream: port.stream, group: port.group, from: port.from })),
    outputs: manifest.outputPorts.streams.map((port) => ({ stream: port.stream, replay: { ...port.replay } })),
    qualityRules: (manifest.quality ?? []).map((rule) => ({ id: rule.id, description: rule.description })),
    levels: {
      freshnessSeconds: levels.freshnessSeconds,
      maxConsumerLag: levels.maxConsumerLag,
      maxOutboxAgeSeconds: levels.maxOutboxAgeSeconds,
      availability: availabilityFraction(levels.availability, manifest.name),
      availabilityText: levels.availability,
    },
  };
}

function availabilityFraction(text: string, product: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(text.trim());
  const percent = match ? Number(match[1]) : Number.NaN;
  if (!(percent > 0 && percent < 100)) {
    throw new Error(`data product "${product}": serviceLevels.availability "${text}" must be a percentage below 100%, e.g. 99.5%`);
  }
  return percent / 100;
}

/** A PromQL label matcher list, values quoted as PromQL strings (JSON's escaping is PromQL's). */
export function selector(labels: Record<string, string>, extra = ''): string {
  const matchers = Object.entries(labels).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  if (extra) matchers.push(extra);
  return `{${matchers.join(',')}}`;
}

/** A PromQL duration in whole seconds or larger units, e.g. 3600 → `1h`, 90 → `90s`. */
export function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${Math.ceil(seconds)}s`;
}
