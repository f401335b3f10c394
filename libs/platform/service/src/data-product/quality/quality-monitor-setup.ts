import type { ReadinessContext } from '../../health/readiness-check';
import type { DataProductOptions, DataProductStatusProbe } from '../data-product-status-source';
import { dataQualityConfig } from './data-quality-config';
import { DataQualityMonitor, type ResourceSampler } from './data-quality-monitor';

/**
 * The monitor of a product's quality rules, on the status probe's stream reads and the domain's
 * resource samplers. Refuses a resource rule whose resource has no sampler, at start-up.
 */
export function setUpQualityMonitor(
  options: DataProductOptions,
  probe: DataProductStatusProbe,
  context: ReadinessContext,
  report: (part: string, detail: string) => void,
): DataQualityMonitor {
  const rules = options.product.definition?.quality ?? [];
  const resources = new Map<string, ResourceSampler>();
  for (const [resource, setup] of Object.entries(options.qualityResources ?? {})) resources.set(resource, setup(context));
  const unsampled = [...new Set(rules.flatMap((rule) => ('resource' in rule && !resources.has(rule.resource) ? [rule.resource] : [])))];
  if (unsampled.length > 0) {
    throw new Error(
      `quality rules name the resource(s) ${unsampled.join(', ')}, which dataProduct.qualityResources does not sample`,
    );
  }
  const { maxAgeMs, sampleSize } = context.config(dataQualityConfig);
  // Under the endpoint's own timeout, so that the rules whose reads did answer still show.
  const readTimeoutMs = Math.round((options.timeoutMs ?? 2_000) * 0.75);
  const sampleStream = probe.sampleStream?.bind(probe);
  return new DataQualityMonitor(
    options.product.manifest,
    rules,
    { sampleStream, resources },
    { maxAgeMs, sampleSize, readTimeoutMs },
    report,
  );
}
