import { type BaseUrl, MeshApi, type MeshApiOptions } from './mesh-api';

export type DomainName = 'orders' | 'customers' | 'analytics';
export const DOMAINS: readonly DomainName[] = ['orders', 'customers', 'analytics'];

/** The public API of each domain of the mesh. */
export type DomainApis = Readonly<Record<DomainName, MeshApi>>;

/**
 * A client of each domain, named after it, with the same token and settings: `baseUrl` says
 * where each one answers (a process, the next ready replica, a gateway's port).
 */
export function domainApis(
  baseUrl: (domain: DomainName) => BaseUrl,
  options: Omit<MeshApiOptions, 'name' | 'baseUrl'>,
): DomainApis {
  const api = (name: DomainName) => new MeshApi({ ...options, name, baseUrl: baseUrl(name) });
  return { orders: api('orders'), customers: api('customers'), analytics: api('analytics') };
}
