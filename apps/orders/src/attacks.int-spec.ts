import { describeAttacks, injectInto } from '@mesh/service/testing';

import { TEST_ACCESS } from '../test/access-tokens';
import { OrdersTestApp } from '../test/orders-test-app';

describeAttacks({
  domain: 'orders',
  issuer: TEST_ACCESS.issuer,
  otherDomains: ['customers', 'analytics'],
  start: async (env) => {
    const testApp = await OrdersTestApp.start('attacks', env);
    return { send: injectInto(testApp.app), close: () => testApp.close() };
  },
  operations: [
    'GET /orders orders:read',
    'GET /orders/{id} orders:read',
    'POST /orders orders:write',
    'POST /orders/{id}/cancel orders:write',
    'POST /orders/{id}/ship orders:write',
  ],
});
