import type { DataProductManifest, DataQualityStatus, QualityEvent, QualityRuleDefinition } from '@mesh/contract-kit';

import { errorMessage } from '../../error-message';
import { publicFailure } from '../../http/public-failure';
import { within } from '../within';
import { evaluateRule, type QualitySample } from './quality-evaluator';

/** The newest `limit` items of an API resource, by one bounded query on the domain's store. */
export type ResourceSampler = (limit: number) => Promise<readonly unknown[]>;

export interface QualitySources {
  /** The events of the newest `count` entries of a stream at its Redis key (XREVRANGE), from the status source. */
  sampleStream?(key: string, count: number): Promise<QualityEvent[]>;
  resources: ReadonlyMap<string, ResourceSampler>;
}

export interface QualitySettings {
  /** Entries read per output stream, items per resource. */
  sampleSize: number;
  /** How long a check is reused before the next request makes a new one. */
  maxAgeMs: number;
  /** How long one read (a stream, a resource) may take. */
  readTimeoutMs: number;
}

/**
 * Checks the product's quality rules on a sample of its newest output, at most once per
 * `maxAgeMs` whoever asks (the well-known endpoint, a metrics scrape): callers within that time
 * get the last check, and callers during a check share it. Each read is bounded (a count, a
 * timeout), so an open endpoint never starts unbounded work.
 */
export class DataQualityMonitor {
  private last: { at: number; status: DataQualityStatus } | undefined;
  private running: Promise<DataQualityStatus> | undefined;

  constructor(
    private readonly manifest: DataProductManifest,
    private readonly rules: readonly QualityRuleDefinition[],
    private readonly sources: QualitySources,
    private readonly settings: QualitySettings,
    private readonly report: (part: string, detail: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Promise<DataQualityStatus> {
    if (this.last && this.now() - this.last.at < this.settings.maxAgeMs) return Promise.resolve(this.last.status);
    this.running ??= this.check().finally(() => (this.running = undefined));
    return this.running;
  }

  private async check(): Promise<DataQualityStatus> {
    const at = this.now();
    const events = new Map<string, Promise<QualitySample>>();
    const resources = new Map<string, Promise<QualitySample>>();
    const sampleOf = (rule: QualityRuleDefinition): Promise<QualitySample> => {
      if ('eventTypes' in rule) return this.eventSample(rule.eventTypes, events);
      const sample = resources.get(rule.resource) ?? this.read(`resource ${rule.resource}`, () => this.resourceItems(rule.resource));
      resources.set(rule.resource, sample);
      return sample;
    };
    const results = await Promise.all(this.rules.map(async (rule) => evaluateRule(rule, await sampleOf(rule))));
    const status = { checkedAt: new Date(at).toISOString(), rules: results };
    this.last = { at, status };
    return status;
  }

  /** The sampled events of these types, from every output stream that carries one (each stream read once per check). */
  private async eventSample(types: readonly string[], streams: Map<string, Promise<QualitySample>>): Promise<QualitySample> {
    const keys = this.manifest.outputPorts.streams
      .filter((port) => port.events.some((event) => types.includes(event.type)))
      .map((port) => port.key);
    const samples = await Promise.all(
      keys.map((key) => {
        const sample = streams.get(key) ?? this.read(`stream ${key}`, () => this.streamEvents(key));
        streams.set(key, sample);
        return sample;
      }),
    );
    const failed = samples.find((sample) => sample.error !== undefined);
    if (failed) return failed;
    return { items: samples.flatMap((sample) => sample.items ?? []).filter((event) => types.includes((event as { type: string }).type)) };
  }

  private async streamEvents(key: string): Promise<readonly unknown[]> {
    if (!this.sources.sampleStream) throw new Error('the status source cannot read stream entries (no sampleStream)');
    return this.sources.sampleStream(key, this.settings.sampleSize);
  }

  private async resourceItems(resource: string): Promise<readonly unknown[]> {
    const sampler = this.sources.resources.get(resource);
    if (!sampler) throw new Error(`no sampler for resource "${resource}"`);
    return (await sampler(this.settings.sampleSize)).slice(0, this.settings.sampleSize);
  }

  /** A read within its timeout; its failure as a public code, its driver's words to the log. */
  private async read(part: string, items: () => Promise<readonly unknown[]>): Promise<QualitySample> {
    try {
      return { items: await within(items(), this.settings.readTimeoutMs) };
    } catch (error) {
      const detail = errorMessage(error);
      this.report(part, detail);
      return { error: publicFailure(detail) };
    }
  }
}
