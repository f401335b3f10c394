import { describeAttacks, injectInto } from '@mesh/service/testing';

import { TEST_ACCESS } from '../test/access-tokens';
import { startAnalyticsApp } from '../test/analytics-test-app';

describeAttacks({
  domain: 'analytics',
  issuer: TEST_ACCESS.issuer,
  otherDomains: ['orders', 'customers'],
  start: async (env) => {
    const testApp = await startAnalyticsApp('attacks', env);
    return { send: injectInto(testApp.app), close: () => testApp.close() };
  },
  operations: [
    'GET /admin/jobs/{id} analytics:read',
    'GET /customers/{id}/value analytics:read',
    'GET /products/top analytics:read',
    'GET /sales/daily analytics:read',
    'POST /admin/rebuild analytics:write',
  ],
});
