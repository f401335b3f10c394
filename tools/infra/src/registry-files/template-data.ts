import type { MeshRegistry, RegisteredDomain } from '../mesh-registry';
import { databaseName } from '../mesh-registry';

/** A service the gateway publishes: a domain or the catalog. */
export interface PublishedService {
  name: string;
  port: number;
  /** `LOYALTY_POINTS`: the prefix of its deploy-time variables. */
  constant: string;
}

export interface DomainData extends PublishedService {
  store: RegisteredDomain['store'];
  /** `loyalty_points`: its database, and the middle of its secrets' names. */
  database: string;
  /** The secret holding its database URL: `loyalty_points_database_url`. */
  urlSecret: string;
  /** Where its task finds that URL: `database_url` or `mongodb_url`. */
  urlTarget: string;
  /** `DATABASE_URL` or `MONGODB_URL`. */
  urlVariable: string;
  replicas: number;
  memory: string;
  secrets: Array<{ name: string; target: string; variable: string }>;
  environment: Array<{ name: string; default: string }>;
}

/** What the templates under deploy/templates (and products.ts.ejs) are rendered with. */
export interface TemplateData {
  domains: DomainData[];
  catalog: PublishedService;
  storeDomains: Record<RegisteredDomain['store'], DomainData[]>;
  /** The name of each Swarm config of the stack, by its key: `gateway-config` → `gateway-config-<hash>`. */
  configNames: Record<string, string>;
}

const constantOf = (name: string) => name.toUpperCase().replace(/-/g, '_');

export function templateData(registry: MeshRegistry, configNames: Record<string, string>): TemplateData {
  const domains = registry.domains.map((domain): DomainData => {
    const database = databaseName(domain);
    const constant = constantOf(domain.name);
    const urlTarget = domain.store === 'postgres' ? 'database_url' : 'mongodb_url';
    return {
      name: domain.name,
      port: domain.port,
      constant,
      store: domain.store,
      database,
      urlSecret: `${database}_${urlTarget}`,
      urlTarget,
      urlVariable: urlTarget.toUpperCase(),
      replicas: domain.deploy.replicas,
      memory: domain.deploy.memory,
      secrets: domain.deploy.secrets.map((secret) => ({
        name: `${database}_${secret}`,
        target: secret,
        variable: `${constant}_${secret.toUpperCase()}`,
      })),
      environment: Object.entries(domain.deploy.environment).map(([name, value]) => ({ name, default: value })),
    };
  });
  return {
    domains,
    catalog: { name: 'catalog', port: registry.catalog.port, constant: 'CATALOG' },
    storeDomains: {
      postgres: domains.filter((domain) => domain.store === 'postgres'),
      mongo: domains.filter((domain) => domain.store === 'mongo'),
    },
    configNames,
  };
}
