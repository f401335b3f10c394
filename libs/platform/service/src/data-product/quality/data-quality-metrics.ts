import type { DataQualityStatus, QualityRuleResult } from '@mesh/contract-kit';
import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';

import { DataProductDocuments } from '../data-product-documents';

/**
 * The quality rules as Prometheus gauges, read from the monitor's last check at scrape time (a
 * scrape within the check's age costs nothing): `mesh_data_quality_rule_kept` 1 or 0 per rule,
 * and the items the check sampled and found breaking it.
 */
@Injectable()
export class DataQualityMetrics {
  constructor(registry: Registry, documents: DataProductDocuments) {
    const gauge = (name: string, help: string, read: (rule: QualityRuleResult) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ['rule', 'target'],
        registers: [registry],
        async collect() {
          const status: DataQualityStatus | undefined = await documents.quality();
          this.reset();
          for (const rule of status?.rules ?? []) {
            const value = read(rule);
            if (value !== null) this.set({ rule: rule.id, target: rule.target }, value);
          }
        },
      });
    gauge('mesh_data_quality_rule_kept', 'Whether a data-quality rule held on the last sample of the output (1) or not (0)', (rule) =>
      rule.kept ? 1 : 0,
    );
    gauge('mesh_data_quality_sampled_items', 'Items of the output a data-quality rule was checked on', (rule) => rule.sampled);
    gauge('mesh_data_quality_failed_items', 'Sampled items that break a data-quality rule', (rule) => rule.failed);
  }
}
