import { render } from 'ejs';
import { createHash } from 'node:crypto';

import type { MeshRegistry } from '../mesh-registry';
import { templateData } from './template-data';

/** A file generated from the mesh registry: rendered from `template`, committed at `output`. */
export interface RegistryFile {
  template: string;
  output: string;
}

/**
 * Every file generated from mesh.json, paths from the workspace root. They are committed (a
 * deployment reads them as they are) and a test fails when one differs from what the registry
 * renders: `npm run mesh -- generate` writes them again.
 */
const STACK_FILE = 'deploy/stack.yml';

export const REGISTRY_FILES: readonly RegistryFile[] = [
  { template: 'deploy/templates/stack.yml.ejs', output: STACK_FILE },
  { template: 'deploy/templates/stack.ferretdb.yml.ejs', output: 'deploy/stack.ferretdb.yml' },
  { template: 'deploy/templates/stack.redis-sentinel.yml.ejs', output: 'deploy/stack.redis-sentinel.yml' },
  { template: 'deploy/templates/haproxy.cfg.ejs', output: 'deploy/gateway/haproxy.cfg' },
  { template: 'tools/mesh-cli/templates/products.ts.ejs', output: 'tools/mesh-cli/src/products.ts' },
];

/**
 * The Swarm configs of the stack, by key: each is named after its content, because a Swarm
 * config cannot change and a deploy must create a new one when the file did.
 */
const STACK_CONFIGS: Record<string, string> = {
  'gateway-config': 'deploy/gateway/haproxy.cfg',
  'postgres-init': 'deploy/postgres/create-domain-databases.sh',
  'mongo-init': 'deploy/mongo/create-domain-users.js',
};

/** Every workspace file a render reads: the templates and the files the stack's configs hold. */
export const REGISTRY_INPUTS: readonly string[] = [
  ...REGISTRY_FILES.map((file) => file.template),
  ...Object.values(STACK_CONFIGS),
];

/** A workspace file's text (from the disk, or from a generator's tree). */
export type ReadWorkspaceFile = (path: string) => string;

/** Each generated file's path and content, rendered from the registry and the templates. */
export function renderRegistryFiles(registry: MeshRegistry, read: ReadWorkspaceFile): Array<{ path: string; content: string }> {
  const renderWith = (file: RegistryFile, configNames: Record<string, string>) =>
    render(read(file.template), templateData(registry, configNames));
  // The stack names its configs after their content (the gateway's is rendered here too), so it
  // is rendered last, from the others.
  const others = new Map(
    REGISTRY_FILES.filter((file) => file.output !== STACK_FILE).map((file) => [file.output, renderWith(file, {})]),
  );
  const configNames = Object.fromEntries(
    Object.entries(STACK_CONFIGS).map(([key, path]) => [key, `${key}-${digest(others.get(path) ?? read(path))}`]),
  );
  return REGISTRY_FILES.map((file) => ({
    path: file.output,
    content: file.output === STACK_FILE ? renderWith(file, configNames) : (others.get(file.output) as string),
  }));
}

const digest = (content: string) => createHash('sha256').update(content).digest('hex').slice(0, 8);
