import { describeAttacks, injectInto } from '@mesh/service/testing';

import { TEST_ACCESS } from '../test/access-tokens';
import { startCustomersApp } from '../test/customers-app';

describeAttacks({
  domain: 'customers',
  issuer: TEST_ACCESS.issuer,
  otherDomains: ['orders', 'analytics'],
  start: async (env) => {
    const testApp = await startCustomersApp(env);
    return { send: injectInto(testApp.app), close: () => testApp.close() };
  },
  operations: [
    'GET /customers customers:read',
    'GET /customers/{id} customers:read',
    'PATCH /customers/{id} customers:write',
    'POST /customers customers:write',
    'POST /customers/{id}/deactivate customers:write',
  ],
});
