import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The mesh registry at the workspace root; only the fields a service needs to find its port. */
const REGISTRY_FILE = 'mesh.json';

const registryPorts = z.object({
  domains: z.array(z.object({ name: z.string(), port: z.int() })).default([]),
  catalog: z.object({ port: z.int() }).optional(),
});

/**
 * The port the mesh registry (`mesh.json`, the one list of the domains and their ports) gives the
 * service `name` (a domain, or `catalog`), so that `nx serve <domain>` listens where `npm start`,
 * the catalog and the gateway expect it without each domain repeating its port in code. Read from
 * the directory a local run starts in (the workspace root), like `.mesh/env`; a production process
 * (NODE_ENV=production, as in the image) never reads it: the stack sets PORT.
 * @returns undefined when there is no registry or it does not list the service.
 * @throws Error naming the file when the registry is there but unreadable.
 */
export function localRegistryPort(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): number | undefined {
  if (env['NODE_ENV'] === 'production') return undefined;
  const file = join(cwd, REGISTRY_FILE);
  if (!existsSync(file)) return undefined;
  let registry: z.infer<typeof registryPorts>;
  try {
    registry = registryPorts.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`cannot read the ports of the mesh registry ${file}`, { cause: error });
  }
  if (name === 'catalog') return registry.catalog?.port;
  return registry.domains.find((domain) => domain.name === name)?.port;
}
