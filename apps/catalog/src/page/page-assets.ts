import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The page's files, by name, with their content type. A fixed list read once at start-up: no
 * path from a URL ever reaches the file system, and a missing file stops the start, not a request.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'catalog.css': 'text/css; charset=utf-8',
  'catalog.js': 'text/javascript; charset=utf-8',
  'render-products.js': 'text/javascript; charset=utf-8',
  'render-status.js': 'text/javascript; charset=utf-8',
  'render-quality.js': 'text/javascript; charset=utf-8',
  'lineage-graph.js': 'text/javascript; charset=utf-8',
  'dom.js': 'text/javascript; charset=utf-8',
  'search.js': 'text/javascript; charset=utf-8',
  'product-view.js': 'text/javascript; charset=utf-8',
  'event-view.js': 'text/javascript; charset=utf-8',
  'render-schema.js': 'text/javascript; charset=utf-8',
  'render-samples.js': 'text/javascript; charset=utf-8',
  'render-snippets.js': 'text/javascript; charset=utf-8',
  'render-access.js': 'text/javascript; charset=utf-8',
};

export interface PageAsset {
  contentType: string;
  body: Buffer;
}

// Beside this file in the sources (tests, swc-node), beside main.js in the webpack build, which
// copies src/page/public to dist/apps/catalog/public.
export const PAGE_DIRECTORY = join(__dirname, 'public');

export function loadPageAssets(directory = PAGE_DIRECTORY): ReadonlyMap<string, PageAsset> {
  if (!existsSync(directory)) throw new Error(`the catalog page's files are missing: no directory ${directory}`);
  return new Map(
    Object.entries(CONTENT_TYPES).map(([name, contentType]) => {
      const file = join(directory, name);
      if (!existsSync(file)) throw new Error(`the catalog page's file ${file} is missing`);
      return [name, { contentType, body: readFileSync(file) }];
    }),
  );
}
