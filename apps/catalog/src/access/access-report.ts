import type { CatalogManifest } from '../products/data-product-document.schema';
import { type AclUserRules, mayRun } from './redis-acl';

/** The Redis user the catalog reads samples as (`npm run mesh -- acl` writes it). */
export const CATALOG_REDIS_USER = 'mesh-catalog';
/** Users that are the platform's, not a domain's. */
const PLATFORM_USERS = new Set(['default', 'mesh-operator', 'mesh-admin', CATALOG_REDIS_USER]);

// What each kind of access needs at least; the ACL generator grants these (tools/mesh-cli/src/acl).
const CONSUME = ['xreadgroup', 'xack'];
const PUBLISH = ['xadd'];
const SAMPLE = ['xrevrange'];

/** What the catalog knows of the broker's ACL: the file it was pointed at, read now. */
export type BrokerAcl =
  | { state: 'read'; source: string; users: AclUserRules[] }
  | { state: 'not-configured' }
  | { state: 'unreadable'; source: string; error: string };

/** `true`/`false` against the broker's ACL; `null` when the catalog does not know it. */
export type Granted = boolean | null;

export interface ProductAccess {
  product: string;
  domain: string;
  /** JWT scopes its API asks for: GET needs `read`, anything else `write`. */
  apiScopes: { read: string; write: string };
  /** The Redis user it connects as. */
  redisUser: string;
  publishes: Array<{ stream: string; key: string; granted: Granted }>;
  /** Its input ports: what it declares it reads. */
  reads: Array<{ stream: string; key: string; from: string; group: string; eventTypes: string[]; granted: Granted }>;
  /** Other products' input ports on its streams: who declares they read it. */
  consumers: Array<{ domain: string; group: string; stream: string; key: string; granted: Granted }>;
}

export interface AccessFinding {
  kind:
    | 'input-not-granted'
    | 'grant-not-declared'
    | 'publish-not-granted'
    | 'no-redis-user'
    | 'unknown-redis-user'
    | 'catalog-cannot-sample';
  /** The domain (or Redis user) the finding is about. */
  subject: string;
  stream: string | null;
  message: string;
}

export interface AccessReport {
  acl: { state: BrokerAcl['state']; source: string | null; error: string | null; users: string[] };
  products: ProductAccess[];
  findings: AccessFinding[];
}

/**
 * Access as the manifests declare it (a consumer declares an input port; the ACL generator turns
 * it into a grant) next to what the broker's ACL grants now, with every difference: an input
 * declared but not granted yet (the ACL was not regenerated and loaded), a grant that no input
 * declares any more, a stream its producer may not publish to, a domain without a Redis user,
 * a user no manifest explains, a stream the catalog may not sample.
 */
export function accessReport(manifests: readonly CatalogManifest[], acl: BrokerAcl): AccessReport {
  const users = acl.state === 'read' ? new Map(acl.users.map((user) => [user.user, user])) : undefined;
  const granted = (user: string, key: string, commands: readonly string[]): Granted =>
    users ? mayRun(users.get(user), key, commands) : null;
  const keyOf = (stream: string, key?: string) => key ?? `{${stream}}`;
  const products = manifests.map((manifest): ProductAccess => {
    const outputs = manifest.outputPorts.streams.map((port) => ({ stream: port.stream, key: keyOf(port.stream, port.key) }));
    return {
      product: manifest.name,
      domain: manifest.domain,
      apiScopes: { read: `${manifest.domain}:read`, write: `${manifest.domain}:write` },
      redisUser: manifest.domain,
      publishes: outputs.map((output) => ({ ...output, granted: granted(manifest.domain, output.key, PUBLISH) })),
      reads: manifest.inputPorts.map((port) => {
        const key = keyOf(port.stream, port.key);
        return { stream: port.stream, key, from: port.from, group: port.group, eventTypes: [...port.eventTypes], granted: granted(manifest.domain, key, CONSUME) };
      }),
      consumers: manifests.flatMap((consumer) =>
        consumer.inputPorts
          .filter((port) => outputs.some((output) => output.stream === port.stream))
          .map((port) => {
            const key = keyOf(port.stream, port.key);
            return { domain: consumer.domain, group: port.group, stream: port.stream, key, granted: granted(consumer.domain, key, CONSUME) };
          }),
      ),
    };
  });
  return {
    acl: {
      state: acl.state,
      source: acl.state === 'not-configured' ? null : acl.source,
      error: acl.state === 'unreadable' ? acl.error : null,
      users: users ? [...users.keys()] : [],
    },
    products,
    findings: users ? findingsOf(manifests, products, users) : [],
  };
}

function findingsOf(
  manifests: readonly CatalogManifest[],
  products: readonly ProductAccess[],
  users: ReadonlyMap<string, AclUserRules>,
): AccessFinding[] {
  const findings: AccessFinding[] = [];
  const streams = products.flatMap((product) => product.publishes);
  for (const product of products) {
    const user = users.get(product.redisUser);
    if (!user?.enabled) {
      findings.push({ kind: 'no-redis-user', subject: product.domain, stream: null, message: `${product.domain} has no Redis user that can log in: it can neither publish nor consume` });
      continue;
    }
    for (const output of product.publishes.filter((candidate) => candidate.granted === false)) {
      findings.push({ kind: 'publish-not-granted', subject: product.domain, stream: output.stream, message: `${product.domain} publishes ${output.stream}, but its Redis user may not XADD to ${output.key}` });
    }
    for (const input of product.reads.filter((candidate) => candidate.granted === false)) {
      findings.push({ kind: 'input-not-granted', subject: product.domain, stream: input.stream, message: `${product.domain} declares ${input.stream} as an input (group ${input.group}), but the broker does not grant it XREADGROUP/XACK on ${input.key} yet: regenerate and load the ACL (npm run mesh -- acl)` });
    }
    const declared = new Set([...product.reads, ...product.publishes].map((port) => port.stream));
    for (const stream of streams.filter((candidate) => !declared.has(candidate.stream))) {
      if (mayRun(user, stream.key, CONSUME)) {
        findings.push({ kind: 'grant-not-declared', subject: product.domain, stream: stream.stream, message: `the broker lets ${product.domain} consume ${stream.key}, but its manifest declares no input port on ${stream.stream}: remove the grant or declare the input` });
      }
    }
  }
  const domains = new Set(manifests.map((manifest) => manifest.domain));
  for (const user of users.values()) {
    if (user.enabled && !domains.has(user.user) && !PLATFORM_USERS.has(user.user)) {
      findings.push({ kind: 'unknown-redis-user', subject: user.user, stream: null, message: `the broker has a Redis user ${user.user} that no manifest in the catalog declares` });
    }
  }
  const catalog = users.get(CATALOG_REDIS_USER);
  for (const stream of streams.filter((candidate) => !mayRun(catalog, candidate.key, SAMPLE))) {
    findings.push({ kind: 'catalog-cannot-sample', subject: CATALOG_REDIS_USER, stream: stream.stream, message: `the catalog's Redis user ${CATALOG_REDIS_USER} may not read ${stream.key}: no live samples of ${stream.stream}` });
  }
  return findings;
}
