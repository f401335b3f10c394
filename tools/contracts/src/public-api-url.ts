import type { MeshRegistry } from '@mesh/infra';

/**
 * The base URL the generated documents give a domain's API (Backstage's OpenAPI link and
 * definition): `--publicUrl` when given, else the domain's `publicUrl` in the mesh registry
 * (`mesh.json`), else `http://localhost:<its registry port>`, the local run, else `--serviceUrl`.
 * From committed files only, never the environment, so that `contract-check` finds the same bytes
 * on every machine.
 */
export function publicApiUrl(domain: string, options: { publicUrl?: string; serviceUrl: string }, registry?: MeshRegistry): string {
  if (options.publicUrl) return options.publicUrl;
  const entry = registry?.domains.find((candidate) => candidate.name === domain);
  if (entry?.publicUrl) return entry.publicUrl;
  return entry ? `http://localhost:${entry.port}` : options.serviceUrl;
}
