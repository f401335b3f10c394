import { names, workspaceRoot } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerTsProject } from 'nx/src/plugins/js/utils/register';

const STREAM_NAME = /^([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.v[1-9][0-9]*$/;

/** One event type of the consumed stream, and the name its contracts library exports it under. */
export interface ConsumedEvent {
  type: string;
  exportName: string;
}

/** What the generated consumer needs to know about the stream it reads. */
export interface ConsumedStream {
  stream: string;
  /** The producing domain, e.g. `orders`. */
  domain: string;
  /** The stream's aggregate, e.g. `order`: names the consumer's folder, classes and table. */
  aggregate: string;
  aggregateClass: string;
  aggregateProperty: string;
  /** Its contracts library, e.g. `@mesh/orders-contracts`. */
  importPath: string;
  events: ConsumedEvent[];
}

interface ProductLike {
  manifest: { domain: string };
  definition: { outputPorts: { streams: Array<{ stream: string; events: unknown[] }> } };
}

/**
 * Reads the stream from its producer's data product, as the contracts library on disk declares
 * it: the event types it carries and their exported contracts. Evaluating the library (rather
 * than parsing it) gives exactly what the producer publishes, however its files are laid out.
 * @throws naming what is missing: the library, its product, or the stream among its ports.
 */
export function describeConsumedStream(stream: string, consumer: string, root = workspaceRoot): ConsumedStream {
  const parts = STREAM_NAME.exec(stream);
  if (!parts) throw new Error(`--consumes "${stream}" is not a stream name like orders.order.v1`);
  const [, domain, aggregate] = parts;
  if (domain === consumer) throw new Error(`--consumes ${stream}: a domain consumes other domains' streams, not its own`);
  const importPath = `@mesh/${domain}-contracts`;
  const contracts = loadContracts(importPath, stream, root);
  const product = Object.values(contracts).find(
    (value): value is ProductLike => isProduct(value) && value.manifest.domain === domain,
  );
  if (!product) throw new Error(`--consumes ${stream}: ${importPath} exports no data product of domain ${domain}`);
  const ports = product.definition.outputPorts.streams;
  const port = ports.find((candidate) => candidate.stream === stream);
  if (!port) {
    throw new Error(`--consumes ${stream}: ${domain} publishes ${ports.map((p) => p.stream).join(', ')}, not ${stream}`);
  }
  const events = port.events.map((contract) => consumedEvent(contract, contracts, importPath));
  const aggregateNames = names(aggregate);
  return {
    stream,
    domain,
    aggregate: aggregateNames.fileName,
    aggregateClass: aggregateNames.className,
    aggregateProperty: aggregateNames.propertyName,
    importPath,
    events,
  };
}

function loadContracts(importPath: string, stream: string, root: string): Record<string, unknown> {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf-8')) as {
    compilerOptions?: { paths?: Record<string, string[]> };
  };
  const paths = tsconfig.compilerOptions?.paths ?? {};
  const entry = paths[importPath]?.[0];
  if (!entry) {
    const known = Object.keys(paths).filter((path) => /^@mesh\/.+-contracts$/.test(path));
    throw new Error(`--consumes ${stream}: no contracts library ${importPath}; the workspace has ${known.join(', ')}`);
  }
  const file = join(root, entry);
  try {
    // Nx runs the plugin with swc and the tsconfig paths registered (Jest with its own resolver).
    return require(file) as Record<string, unknown>;
  } catch (error) {
    // Where Node strips types itself (22.6+), Nx registers neither: the library's own imports
    // (`@mesh/contract-kit`) then need the paths, and its syntax (decorators, enums) swc.
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND' || transpilerRegistered) throw error;
    transpilerRegistered = true;
    registerTsProject(join(root, 'tsconfig.base.json'));
    return require(file) as Record<string, unknown>;
  }
}

let transpilerRegistered = false;

function consumedEvent(contract: unknown, contracts: Record<string, unknown>, importPath: string): ConsumedEvent {
  const exported = Object.entries(contracts).find(([, value]) => value === contract);
  const type = (contract as { type?: unknown }).type;
  if (!exported || typeof type !== 'string') {
    throw new Error(`${importPath} does not export the contract of ${String(type)} under a name of its own`);
  }
  return { type, exportName: exported[0] };
}

function isProduct(value: unknown): value is ProductLike {
  const candidate = value as Partial<ProductLike> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.manifest?.domain === 'string' &&
    Array.isArray(candidate.definition?.outputPorts?.streams)
  );
}
