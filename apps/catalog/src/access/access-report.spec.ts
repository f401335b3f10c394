import { analyticsProduct } from '@mesh/analytics-contracts';
import { customersProduct } from '@mesh/customers-contracts';
import { ordersProduct } from '@mesh/orders-contracts';

import type { CatalogManifest } from '../products/data-product-document.schema';
import { accessReport, type BrokerAcl } from './access-report';
import { parseAclFile } from './redis-acl';

const manifests: CatalogManifest[] = [ordersProduct.manifest, customersProduct.manifest, analyticsProduct.manifest];
const consume = (key: string) => `(~${key} +xreadgroup +xack)`;

/** An ACL in the generator's format: each domain publishes its streams and consumes `reads`. */
function acl(reads: Record<string, string[]>, extra: string[] = []): BrokerAcl {
  const publishes: Record<string, string> = { orders: '{orders.order.v1}', customers: '{customers.customer.v1}', analytics: '{analytics.sales.v1}' };
  const lines = Object.entries(publishes).map(
    ([user, key]) => `user ${user} on #00 resetkeys -@all (~${key} +xadd +xlen) ${(reads[user] ?? []).map(consume).join(' ')}`,
  );
  lines.push('user mesh-catalog on #00 -@all (~{orders.order.v1} ~{customers.customer.v1} ~{analytics.sales.v1} +xrevrange +xrange)');
  return { state: 'read', source: '/run/secrets/redis_acl', users: parseAclFile([...lines, ...extra].join('\n')) };
}

const asDeclared = {
  orders: ['{customers.customer.v1}'],
  customers: ['{orders.order.v1}'],
  analytics: ['{orders.order.v1}', '{customers.customer.v1}'],
};

describe('accessReport', () => {
  it("gives each product its API scopes, its Redis user, what it reads and who reads it, from the manifests", () => {
    const report = accessReport(manifests, { state: 'not-configured' });
    const orders = report.products.find((product) => product.product === 'orders');
    expect(orders?.apiScopes).toEqual({ read: 'orders:read', write: 'orders:write' });
    expect(orders?.redisUser).toBe('orders');
    expect(orders?.reads.map((input) => `${input.key} ${input.group} ${input.granted}`)).toEqual(['{customers.customer.v1} orders null']);
    expect(orders?.consumers.map((consumer) => `${consumer.domain} ${consumer.group} ${consumer.granted}`)).toEqual([
      'customers customers null',
      'analytics analytics null',
    ]);
    expect(report.acl).toEqual({ state: 'not-configured', source: null, error: null, users: [] });
    expect(report.findings).toEqual([]);
  });

  it('finds nothing when the broker grants exactly what the manifests declare', () => {
    const report = accessReport(manifests, acl(asDeclared));
    expect(report.findings).toEqual([]);
    expect(report.products.flatMap((product) => product.consumers.map((consumer) => consumer.granted))).toEqual([true, true, true, true]);
  });

  it('flags an input declared but not granted yet, and a grant no input declares', () => {
    const report = accessReport(manifests, acl({ ...asDeclared, analytics: ['{orders.order.v1}'], orders: ['{customers.customer.v1}', '{analytics.sales.v1}'] }));
    expect(report.findings.map((finding) => `${finding.kind} ${finding.subject} ${finding.stream}`)).toEqual([
      'grant-not-declared orders analytics.sales.v1',
      'input-not-granted analytics customers.customer.v1',
    ]);
    const customers = report.products.find((product) => product.product === 'customers');
    expect(customers?.consumers.map((consumer) => `${consumer.domain} ${consumer.granted}`)).toEqual(['orders true', 'analytics false']);
  });

  it('flags a domain without a user, a user no manifest explains, and a stream the catalog may not sample', () => {
    // A later line for a user replaces it: analytics switched off; billing unknown; the catalog's user removed.
    const granted = acl(asDeclared, ['user billing on #00 -@all', 'user analytics off']);
    const users = granted.state === 'read' ? granted.users.filter((user) => user.user !== 'mesh-catalog') : [];
    const report = accessReport(manifests, { state: 'read', source: 'users.acl', users });
    expect(report.findings.map((finding) => `${finding.kind} ${finding.subject} ${finding.stream}`)).toEqual([
      'no-redis-user analytics null',
      'unknown-redis-user billing null',
      'catalog-cannot-sample mesh-catalog orders.order.v1',
      'catalog-cannot-sample mesh-catalog customers.customer.v1',
      'catalog-cannot-sample mesh-catalog analytics.sales.v1',
    ]);
  });

  it('says when the ACL file could not be read, and flags nothing then', () => {
    const report = accessReport(manifests, { state: 'unreadable', source: '/nope', error: 'ENOENT' });
    expect(report.acl).toEqual({ state: 'unreadable', source: '/nope', error: 'ENOENT', users: [] });
    expect(report.findings).toEqual([]);
  });
});
