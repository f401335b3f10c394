import { type MeshRegistry, readMeshRegistry } from '@mesh/infra';

/** The services `npm start` runs, each on its own default port (the one its ServiceModule declares). */
export interface MeshService {
  /** Nx project name; its build lands in dist/apps/<name>/main.js. */
  readonly name: string;
  readonly port: number;
  /** Environment of its own, on top of the stores' URLs. */
  readonly env?: Readonly<Record<string, string>>;
}

/** The domains of the registry (`mesh.json`) on their ports, then the catalog, which reads their products. */
export const MESH_SERVICES: readonly MeshService[] = meshServices(readMeshRegistry());

function meshServices(registry: MeshRegistry): MeshService[] {
  const domains = registry.domains.map(({ name, port }) => ({ name, port }));
  const products = domains.map((domain) => serviceUrl(domain)).join(',');
  return [...domains, { name: 'catalog', port: registry.catalog.port, env: { CATALOG_PRODUCTS: products } }];
}

export function serviceUrl(service: MeshService): string {
  return `http://127.0.0.1:${service.port}`;
}

/** The services named on the command line (all when none is named). @throws naming an unknown one. */
export function chooseServices(names: readonly string[]): MeshService[] {
  if (names.length === 0) return [...MESH_SERVICES];
  const unknown = names.filter((name) => !MESH_SERVICES.some((service) => service.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown service(s) ${unknown.join(', ')}: choose among ${MESH_SERVICES.map((s) => s.name).join(', ')}`);
  }
  return MESH_SERVICES.filter((service) => names.includes(service.name));
}
