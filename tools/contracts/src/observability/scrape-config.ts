import { stringify } from 'yaml';

import type { ProductSignals } from './product-signals';

/**
 * The Prometheus scrape job of one domain in the Swarm stack: every task of the service, found
 * in Docker's DNS (`tasks.<domain>`, one A record per task), on the port the service listens
 * on (the port of the contracts target's `serviceUrl`). Named after the domain: the rules and
 * dashboards select the domain's HTTP series with `job="<domain>"`.
 */
export function renderScrapeConfig(signals: ProductSignals, serviceUrl: string): string {
  const port = Number(new URL(serviceUrl).port);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`--serviceUrl=${serviceUrl} names no port: the scrape job of ${signals.domain} needs the one it listens on`);
  }
  const config = {
    scrape_configs: [
      {
        job_name: signals.job,
        metrics_path: '/metrics',
        dns_sd_configs: [{ names: [`tasks.${signals.domain}`], type: 'A', port, refresh_interval: '15s' }],
      },
    ],
  };
  return `# Generated from the ${signals.domain} data product by its contracts target; see deploy/README.md.\n${stringify(config)}`;
}
