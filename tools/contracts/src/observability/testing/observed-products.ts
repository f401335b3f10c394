import type { DataProduct } from '@mesh/contract-kit';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ObservedProduct {
  project: string;
  product: DataProduct;
  serviceUrl: string;
  /** The observability folder its contract-check target names, from the workspace root. */
  folder: string;
}

interface TargetOptions {
  module: string;
  export: string;
  serviceUrl: string;
  observability?: string;
}

/**
 * Every contracts library whose contract-check target writes observability files, with its
 * product loaded the way the target loads it (its `module` and `export` options): a domain added
 * later is checked too.
 */
export function observedProducts(workspace: string): ObservedProduct[] {
  return readdirSync(join(workspace, 'libs'))
    .map((domain) => join(workspace, 'libs', domain, 'contracts', 'project.json'))
    .filter((path) => existsSync(path))
    .flatMap((path) => {
      const project = JSON.parse(readFileSync(path, 'utf8')) as {
        name: string;
        root?: string;
        targets?: Record<string, { options?: TargetOptions }>;
      };
      const options = project.targets?.['contract-check']?.options;
      if (!options?.observability) return [];
      const root = path.slice(workspace.length + 1, -'/project.json'.length);
      const module = join(workspace, options.module.replace('{projectRoot}', root));
       
      const product = (require(module) as Record<string, DataProduct>)[options.export];
      return [{ project: project.name, product, serviceUrl: options.serviceUrl, folder: options.observability }];
    });
}
