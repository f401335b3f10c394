import { analyticsProduct } from '@mesh/analytics-contracts';
import { type DataProductManifest, streamKey } from '@mesh/contract-kit';
import { customersProduct } from '@mesh/customers-contracts';
import { ordersProduct } from '@mesh/orders-contracts';

import { findAclProblems } from './mesh-names';

const mesh = [ordersProduct.manifest, customersProduct.manifest, analyticsProduct.manifest];
const input = (stream: string, group: string) => ({
  stream,
  key: streamKey(stream),
  from: stream.split('.')[0],
  group,
  eventTypes: ['x'],
  description: '',
});
const product = (domain: string, changes: Partial<DataProductManifest> = {}): DataProductManifest => ({
  ...ordersProduct.manifest,
  name: domain,
  domain,
  outputPorts: { ...ordersProduct.manifest.outputPorts, streams: [] },
  inputPorts: [],
  redisKeyPrefixes: [],
  ...changes,
});

describe('findAclProblems', () => {
  it('finds none in the mesh as it is', () => {
    expect(findAclProblems(mesh)).toEqual([]);
  });

  it("refuses a group that falls under another domain's <group>-* groups", () => {
    const reporting = product('analytics-reports', { inputPorts: [input('orders.order.v1', 'analytics-reports')] });
    expect(findAclProblems([...mesh, reporting])).toEqual([
      'group "analytics-reports" of analytics-reports on orders.order.v1 falls under the groups of analytics ("analytics", "analytics-*"): rename one',
    ]);
  });

  it('refuses names that would widen a key pattern, and reserved user names', () => {
    const wild = product('default', { inputPorts: [input('orders.*', 'g')], redisKeyPrefixes: ['jobs [1]:'] });
    expect(findAclProblems([wild])).toEqual([
      'domain default would take the reserved Redis user name "default"',
      'default: stream "orders.*" is not a plain name (letters, digits, . - _ :)',
      'default: key prefix "jobs [1]:" is not a plain name (letters, digits, . - _ :)',
    ]);
  });

  it("refuses a domain named as the catalog's Redis user", () => {
    expect(findAclProblems([product('mesh-catalog')])).toContain(
      'domain mesh-catalog would take the reserved Redis user name "mesh-catalog"',
    );
  });

  it("refuses a key prefix inside another domain's", () => {
    const jobs = product('jobs', { redisKeyPrefixes: ['analytics:jobs:'] });
    expect(findAclProblems([...mesh, jobs])).toEqual([
      'key prefix "analytics:jobs:" of jobs falls under "analytics:" of analytics',
    ]);
  });
});
