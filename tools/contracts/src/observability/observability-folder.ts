import type { DataProduct } from '@mesh/contract-kit';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { readGeneratedFolder } from '../generated-folder';
import { renderDashboard } from './grafana-dashboard';
import { OVERLAY_STACK, renderOverlayStack } from './overlay-stack';
import { productSignals } from './product-signals';
import { renderRuleFile } from './prometheus-rules';
import { renderScrapeConfig } from './scrape-config';

export interface ObservabilityOptions {
  product: DataProduct;
  /** The contracts library's Nx project, for the command the messages suggest. */
  project: string;
  /** The observability folder shared by every product, e.g. `deploy/observability`. */
  folder: string;
  serviceUrl: string;
}

/** The files one product owns in the observability folder, by path relative to it. */
export function productObservabilityFiles(product: DataProduct, serviceUrl: string): Map<string, string> {
  const signals = productSignals(product);
  return new Map([
    [`rules/${signals.domain}.rules.yml`, renderRuleFile(signals)],
    [`dashboards/${signals.domain}.json`, renderDashboard(signals)],
    [`scrape/${signals.domain}.yml`, renderScrapeConfig(signals, serviceUrl)],
  ]);
}

/**
 * What the folder should hold for this product: its own files as the manifest generates them,
 * and the overlay stack rendered from the folder with those files in it (every config is named
 * after its content, so a changed rule file changes the stack too).
 */
async function expectedFiles(options: ObservabilityOptions) {
  const committed = await readGeneratedFolder(options.folder);
  const own = productObservabilityFiles(options.product, options.serviceUrl);
  const next = new Map([...committed, ...own]);
  const expected = new Map([...own, [OVERLAY_STACK, renderOverlayStack(next)]]);
  return { committed, expected };
}

/** `contract-check`: one line per file of this product (or the overlay stack) that is missing or stale. */
export async function checkObservability(options: ObservabilityOptions): Promise<{ stale: string[]; files: number }> {
  const { committed, expected } = await expectedFiles(options);
  const regenerate = `run \`npx nx run ${options.project}:contracts\` and commit the result`;
  const stale: string[] = [];
  for (const [path, content] of expected) {
    const now = committed.get(path);
    if (now === undefined) stale.push(`${options.folder}/${path} is missing: ${regenerate}.`);
    else if (now !== content) {
      stale.push(`${options.folder}/${path} is stale (the manifest generates something else): ${regenerate}.`);
    }
  }
  return { stale, files: expected.size };
}

/** `contracts`: writes this product's files and the overlay stack where they differ. @returns the paths written. */
export async function writeObservability(options: ObservabilityOptions): Promise<string[]> {
  const { committed, expected } = await expectedFiles(options);
  const written: string[] = [];
  for (const [path, content] of expected) {
    if (committed.get(path) === content) continue;
    await mkdir(dirname(join(options.folder, path)), { recursive: true });
    await writeFile(join(options.folder, path), content);
    written.push(path);
  }
  return written;
}
