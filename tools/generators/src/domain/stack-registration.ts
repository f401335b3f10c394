import type { DomainNames } from './domain-names';

/** The Swarm stack (deploy/stack.yml) that the generator adds the domain's service to. */
export const STACK_FILE = 'deploy/stack.yml';
/** The second compose file that runs FerretDB instead of MongoDB. */
export const FERRETDB_STACK_FILE = 'deploy/stack.ferretdb.yml';

type Store = 'postgres' | 'mongo';

/**
 * deploy/stack.yml with the domain added as the sample domains are: its service (replicas,
 * rolling updates, health check, limits), its own store network, its secrets; on the store
 * service its network and the URL from which the init script makes its user (and PostgreSQL
 * database); its port on the gateway and its product in the catalog's list. Edited as text, line
 * by line, so that the file keeps its comments and layout.
 * @returns undefined when the file does not have the layout these edits rely on.
 */
export function stackWithDomain(content: string, domain: DomainNames, store: Store, port: number): string | undefined {
  const lines = content.split('\n');
  const storeService = store === 'postgres' ? 'postgres' : 'mongo';
  const urlSecret = store === 'postgres' ? 'database_url' : 'mongodb_url';
  const secret = (key: string) =>
    `  mesh_${key}: { external: true, name: "\${SECRET_PREFIX:-mesh}_${key}" }`;
  const edits = [
    () => appendToSection(lines, 'networks', [`  ${domain.name}-store: { driver: overlay, internal: true }`]),
    () =>
      appendToSection(lines, 'secrets', [
        secret(`redis_password_${domain.databaseName}`),
        secret(`${domain.databaseName}_${urlSecret}`),
      ]),
    () => addToStoreService(lines, storeService, domain, urlSecret),
    () => appendToSection(lines, 'services', ['', ...serviceBlock(domain, store, port, urlSecret)]),
  ];
  if (!edits.every((edit) => edit())) return undefined;
  addCatalogProduct(lines, domain, port);
  addGatewayPort(lines, domain, port);
  return lines.join('\n');
}

/**
 * deploy/stack.ferretdb.yml with FerretDB on the domain's store network, so that a MongoDB domain
 * runs on FerretDB too. @returns undefined when the file has no `ferretdb` service with a networks list.
 */
export function ferretdbStackWithDomain(content: string, domain: DomainNames): string | undefined {
  const lines = content.split('\n');
  const block = serviceRange(lines, 'ferretdb');
  const networks = block ? findLine(lines, block, /^ {4}networks: \[(.*)\]$/) : -1;
  if (networks < 0) return undefined;
  lines[networks] = lines[networks].replace(/\]$/, `, ${domain.name}-store]`);
  return lines.join('\n');
}

function serviceBlock(domain: DomainNames, store: Store, port: number, urlSecret: string): string[] {
  const variable = store === 'postgres' ? 'DATABASE_URL' : 'MONGODB_URL';
  return [
    `  ${domain.name}:`,
    `    image: \${IMAGE_PREFIX:-mesh}/${domain.name}:\${${domain.constantName}_TAG:-latest}`,
    '    environment:',
    '      <<: *domain-environment',
    `      PORT: "${port}"`,
    `      ${domain.constantName}_${variable}_FILE: /run/secrets/${urlSecret}`,
    `      REDIS_USERNAME: ${domain.name}`,
    '    secrets:',
    '      - { source: mesh_jwt_secret, target: jwt_secret }',
    `      - { source: mesh_redis_password_${domain.databaseName}, target: redis_password }`,
    `      - { source: mesh_${domain.databaseName}_${urlSecret}, target: ${urlSecret} }`,
    `    networks: [edge, events, ${domain.name}-store]`,
    '    healthcheck: *domain-healthcheck',
    '    stop_grace_period: 30s',
    '    deploy:',
    `      replicas: \${${domain.constantName}_REPLICAS:-${store === 'postgres' ? 2 : 1}}`,
    '      endpoint_mode: ${ENDPOINT_MODE:-dnsrr}',
    '      update_config: *rolling-update',
    '      rollback_config: *rollback',
    '      restart_policy: *restart',
    '      resources:',
    `        limits: { cpus: "\${DOMAIN_CPUS:-1}", memory: "\${${domain.constantName}_MEMORY:-512M}" }`,
  ];
}

/**
 * The store joins the domain's network and gets the domain's URL, from which its init script
 * creates the domain's user (and, on PostgreSQL, its database).
 */
function addToStoreService(lines: string[], service: string, domain: DomainNames, urlSecret: string): boolean {
  const block = serviceRange(lines, service);
  if (!block) return false;
  const networks = findLine(lines, block, /^ {4}networks: \[(.*)\]$/);
  if (networks < 0) return false;
  lines[networks] = lines[networks].replace(/\]$/, `, ${domain.name}-store]`);
  const variable = urlSecret.toUpperCase();
  const secretName = `${domain.databaseName}_${urlSecret}`;
  const lastUrl = findLastLine(lines, block, new RegExp(`^ {6}[A-Z0-9_]+_${variable}_FILE: `));
  const lastSecret = findLastLine(lines, block, new RegExp(`^ {6}- \\{ source: mesh_\\w+_${urlSecret}, target: \\w+ \\}$`));
  if (lastUrl < 0 || lastSecret < 0) return false;
  // The later line first, so that the earlier index stays right.
  const inserts: Array<[number, string]> = [
    [lastUrl, `      ${domain.constantName}_${variable}_FILE: /run/secrets/${secretName}`],
    [lastSecret, `      - { source: mesh_${secretName}, target: ${secretName} }`],
  ];
  for (const [at, line] of inserts.sort((a, b) => b[0] - a[0])) lines.splice(at + 1, 0, line);
  return true;
}

/** The catalog reads every product's well-known document; optional, the stack may have no catalog. */
function addCatalogProduct(lines: string[], domain: DomainNames, port: number): void {
  const block = serviceRange(lines, 'catalog');
  const at = block ? findLine(lines, block, /^ {6}CATALOG_PRODUCTS: \S+$/) : -1;
  if (at >= 0) lines[at] = `${lines[at]},http://${domain.name}:${port}`;
}

/**
 * The gateway publishes the domain's port, and its config gets a new name (gateway-config-2, -3, …):
 * a Swarm config cannot change, so a running stack takes the edited haproxy.cfg only under a new
 * name. Optional, like the catalog: the stack may have no gateway.
 */
function addGatewayPort(lines: string[], domain: DomainNames, port: number): void {
  const block = serviceRange(lines, 'gateway');
  if (!block) return;
  const lastPort = findLastLine(lines, block, /^ {6}- \{ target: \d+, published: .*\}$/);
  if (lastPort < 0) return;
  const configLine = findLine(lines, block, /^ {6}- source: gateway-config(-\d+)?$/);
  const configs = lines.indexOf('configs:');
  const configKey = configs < 0 ? -1 : lines.findIndex((line, index) => index > configs && /^ {2}gateway-config(-\d+)?:$/.test(line));
  if (configLine >= 0 && configKey >= 0) {
    const current = /gateway-config(?:-(\d+))?/.exec(lines[configKey])?.[1];
    const renamed = `gateway-config-${Number(current ?? 1) + 1}`;
    lines[configLine] = lines[configLine].replace(/gateway-config(-\d+)?$/, renamed);
    lines[configKey] = lines[configKey].replace(/gateway-config(-\d+)?:$/, `${renamed}:`);
  }
  lines.splice(
    lastPort + 1,
    0,
    `      - { target: ${port}, published: "\${${domain.constantName}_PUBLISHED_PORT:-${port}}", protocol: tcp, mode: "\${PUBLISH_MODE:-host}" }`,
  );
}

/** Adds lines after the last indented line of a top-level section (`networks:`, `secrets:`, …). */
function appendToSection(lines: string[], key: string, added: string[]): boolean {
  const start = lines.indexOf(`${key}:`);
  if (start < 0) return false;
  let last = start;
  for (let index = start + 1; index < lines.length && !/^[A-Za-z]/.test(lines[index]); index += 1) {
    if (/^\s+\S/.test(lines[index])) last = index;
  }
  lines.splice(last + 1, 0, ...added);
  return true;
}

/** The lines of one service under `services:`, as [first, end). */
function serviceRange(lines: string[], service: string): [number, number] | undefined {
  const services = lines.indexOf('services:');
  const start = services < 0 ? -1 : lines.indexOf(`  ${service}:`, services);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && !/^ {0,2}[A-Za-z]/.test(lines[end])) end += 1;
  return [start, end];
}

function findLine(lines: string[], [start, end]: [number, number], pattern: RegExp): number {
  for (let index = start; index < end; index += 1) if (pattern.test(lines[index])) return index;
  return -1;
}

function findLastLine(lines: string[], [start, end]: [number, number], pattern: RegExp): number {
  for (let index = end - 1; index >= start; index -= 1) if (pattern.test(lines[index])) return index;
  return -1;
}
