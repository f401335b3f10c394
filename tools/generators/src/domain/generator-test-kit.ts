import { REGISTRY_FILES, REGISTRY_INPUTS } from '@mesh/infra';
import { type Tree, workspaceRoot } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// What the generator specs share: a workspace tree holding the real files the generator edits, and readers of its output.

/**
 * Files the generator reads or registers the domain in, copied from the real workspace: the
 * registry, the files generated from it and their templates, the sample apps' ports.
 */
export const SHARED_FILES = [
  'mesh.json',
  ...REGISTRY_FILES.map((file) => file.output),
  ...REGISTRY_INPUTS,
  'tools/contracts/src/cli.ts',
  'apps/orders/src/app.module.ts',
  'apps/customers/src/app.module.ts',
  'apps/analytics/src/app.module.ts',
];

export function workspaceTree(): Tree {
  const tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
  for (const file of SHARED_FILES) {
    if (existsSync(join(workspaceRoot, file))) tree.write(file, readFileSync(join(workspaceRoot, file), 'utf-8'));
  }
  return tree;
}

export function filesUnder(tree: Tree, folder: string): string[] {
  return tree
    .listChanges()
    .filter((change) => change.type === 'CREATE' && change.path.startsWith(`${folder}/`))
    .map((change) => change.path.slice(folder.length + 1))
    .sort();
}

export const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';

export interface Stack {
  services: Record<
    string,
    {
      networks: string[];
      environment: Record<string, string>;
      secrets?: Array<{ source: string; target?: string }>;
      ports?: Array<{ target: number; published: string }>;
      configs?: Array<{ source: string }>;
    }
  >;
  networks: Record<string, unknown>;
  secrets: Record<string, unknown>;
  configs: Record<string, { file: string }>;
}

export const stackOf = (tree: Tree, file = 'deploy/stack.yml') => parse(read(tree, file), { merge: true }) as Stack;

/** haproxy.cfg as sections: `frontend x` / `backend x` → their lines, trimmed. */
export function haproxySections(config: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of config.split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('#')) sections.set(line.trim(), (current = []));
    else if (line.trim() !== '' && !line.trim().startsWith('#')) current?.push(line.trim());
  }
  return sections;
}

/** What a service names must exist at the top level, or docker stack deploy refuses the file. */
export function expectEveryReferenceDefined(stack: Stack): void {
  for (const [name, service] of Object.entries(stack.services)) {
    const missing = [
      ...(service.networks ?? []).filter((network) => !(network in stack.networks)),
      ...(service.secrets ?? []).map((secret) => secret.source).filter((secret) => !(secret in stack.secrets)),
    ];
    expect([name, missing]).toEqual([name, []]);
  }
}

/** The port the mesh registry in `tree` gives the domain `name`. */
export function registeredPort(tree: Tree, name: string): number | undefined {
  const registry = JSON.parse(tree.read('mesh.json', 'utf-8') ?? '{}') as { domains: { name: string; port: number }[] };
  return registry.domains.find((domain) => domain.name === name)?.port;
}
