import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

import { InfraError } from './errors';
import { WORKSPACE_ROOT } from './options';

/** The one list of the mesh's domains, at the workspace root; the domain generator adds to it. */
export const MESH_REGISTRY_FILE = 'mesh.json';

const domainSchema = z.object({
  /** Lower-case kebab: project, folders, stream prefix, consumer group, database. */
  name: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case kebab, e.g. loyalty-points'),
  /** Its default port: `npm start` runs it there, the catalog reads it there. */
  port: z.int().min(1024).max(65535),
  /** The store it owns a database on. */
  store: z.enum(['postgres', 'mongo']),
  /**
   * Where its API is reached from outside (the gateway's or an ingress's base URL, e.g.
   * `https://orders.mesh.example.com`): the generated Backstage entities link its OpenAPI document
   * there. Without it they name `http://localhost:<port>`, the local run.
   */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** How the Swarm stack runs it: deploy/stack.yml is generated from this (`npm run mesh -- generate`). */
  deploy: z
    .object({
      /** Default of `<DOMAIN>_REPLICAS`. */
      replicas: z.int().min(0).default(2),
      /** Default of `<DOMAIN>_MEMORY`, the task's memory limit. */
      memory: z.string().regex(/^\d+[KMG]$/, 'must be a size such as 512M or 1G').default('512M'),
      /** Secrets beyond its database URL: `pseudonym_key` is `<DOMAIN>_PSEUDONYM_KEY_FILE`, from mesh_<domain>_pseudonym_key. */
      secrets: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case')).default([]),
      /** Variables an operator may set at deploy time, with their defaults. */
      environment: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE'), z.string()).default({}),
    })
    .prefault({}),
});

const registrySchema = z.object({
  domains: z.array(domainSchema).min(1),
  catalog: z.object({ port: z.int().min(1024).max(65535) }),
});

export type MeshRegistry = z.infer<typeof registrySchema>;
export type RegisteredDomain = MeshRegistry['domains'][number];

/** @throws InfraError saying what is wrong with the file: unreadable, not JSON, a field, a name or port twice. */
export function readMeshRegistry(root = WORKSPACE_ROOT): MeshRegistry {
  const file = join(root, MESH_REGISTRY_FILE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf-8'));
  } catch (error) {
    throw new InfraError(`cannot read the mesh registry ${file}`, { cause: error, fix: 'restore it from git' });
  }
  return checkRegistry(json, file);
}

/** Validates a registry's content (`source` names it in errors). @throws InfraError */
export function checkRegistry(json: unknown, source: string): MeshRegistry {
  const parsed = registrySchema.safeParse(json);
  if (!parsed.success) throw new InfraError(`${source}: ${z.prettifyError(parsed.error)}`);
  const registry = parsed.data;
  const ports = [...registry.domains.map((domain) => [domain.port, domain.name] as const), [registry.catalog.port, 'catalog'] as const];
  const twice = (values: readonly unknown[]) => values.filter((value, index) => values.indexOf(value) !== index);
  const names = twice(registry.domains.map((domain) => domain.name));
  const takenPorts = twice(ports.map(([port]) => port));
  if (names.length > 0) throw new InfraError(`${source}: domain ${names.join(', ')} is listed twice`);
  if (takenPorts.length > 0) {
    const owners = ports.filter(([port]) => takenPorts.includes(port)).map(([port, name]) => `${name} (${port})`);
    throw new InfraError(`${source}: two services have one port: ${owners.join(', ')}`);
  }
  return registry;
}

/** The variable that holds a domain's database URL: `ORDERS_DATABASE_URL`, `CUSTOMERS_MONGODB_URL`. */
export function databaseVariable(domain: RegisteredDomain): string {
  const constant = domain.name.toUpperCase().replace(/-/g, '_');
  return domain.store === 'postgres' ? `${constant}_DATABASE_URL` : `${constant}_MONGODB_URL`;
}

/** The database a domain owns on its store: its name with underscores. */
export function databaseName(domain: RegisteredDomain): string {
  return domain.name.replace(/-/g, '_');
}

/** The database of every domain of the registry on `store`, with the variable that names its URL. */
export function domainDatabases(store: RegisteredDomain['store']): Array<{ variable: string; database: string }> {
  return readMeshRegistry()
    .domains.filter((domain) => domain.store === store)
    .map((domain) => ({ variable: databaseVariable(domain), database: databaseName(domain) }));
}
