import type { DataQualityStatus, ServiceLevelCheck } from '@mesh/contract-kit';

/**
 * Each quality rule as a service level, `quality:<rule id>`: a broken rule is a promise not kept,
 * like a lag over its objective, and so is a rule whose sample could not be read.
 */
export function qualityServiceLevels(quality: DataQualityStatus | undefined): ServiceLevelCheck[] {
  return (quality?.rules ?? []).map((rule) => ({
    name: `quality:${rule.id}`,
    objective: `${rule.description} (${rule.target})`,
    measured:
      rule.sampled === null
        ? `not measured: ${rule.error ?? 'unknown'}`
        : rule.sampled === 0
          ? 'nothing to check yet (0 sampled)'
          : rule.failed === 0
            ? `kept by all ${rule.sampled} sampled`
            : `broken by ${rule.failed} of ${rule.sampled} sampled (${rule.failing.join(', ')})`,
    kept: rule.kept,
  }));
}
