import type { DataProduct } from '@mesh/contract-kit';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Imports a contracts library's entry point and returns its data product export, so one tool
 * serves every domain, a generated one included. Run under tsx with the workspace's tsconfig,
 * which resolves the `@mesh/*` paths the module imports.
 */
export async function loadProduct(modulePath: string, exportName: string): Promise<DataProduct> {
  const module = (await import(pathToFileURL(resolve(modulePath)).href)) as Record<string, unknown>;
  const product = module[exportName];
  if (!isDataProduct(product)) {
    const exports = Object.keys(module).sort().join(', ');
    throw new Error(
      `${modulePath} has no data product export "${exportName}" (made by defineDataProduct); it exports: ${exports}`,
    );
  }
  return product;
}

function isDataProduct(value: unknown): value is DataProduct {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<DataProduct>;
  return (
    typeof candidate.manifest === 'object' &&
    typeof candidate.definition === 'object' &&
    Array.isArray(candidate.events)
  );
}
