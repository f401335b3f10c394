import type { CustomerValueResponse, DailySalesResponse, TopProductsResponse } from '@mesh/analytics-contracts';
import type { CustomerResponse } from '@mesh/customers-contracts';
import type { OrderPage } from '@mesh/orders-contracts';
import { isDeepStrictEqual } from 'node:util';

import type { DomainApis } from '../../../kit/src/api/domain-apis';
import { type Ledger, nonZero } from '../../../kit/src/ledger';

/** What the domains answer, next to what the ledger says they should. */
export interface FigureComparison {
  differences: string[];
  dailySales: DailySalesResponse;
}

/**
 * Every figure the ledger predicts, read through the public APIs: analytics' daily sales, each
 * customer's value and the top products; customers' order statistics and tier; the orders the
 * orders domain holds per customer. Returns each difference in words.
 */
export async function compareFigures(apis: DomainApis, ledger: Ledger): Promise<FigureComparison> {
  const differences: string[] = [];
  const { from, to } = ledger.dayRange();
  const dailySales = await apis.analytics.get<DailySalesResponse>('/sales/daily', `/sales/daily?from=${from}&to=${to}`);
  differ(differences, 'analytics daily sales', dailySales.days, ledger.dailySales());

  const top = await apis.analytics.get<TopProductsResponse>(
    '/products/top',
    `/products/top?from=${from}&to=${to}&limit=100`,
  );
  const products = top.products.map((product) => ({ ...product, revenue: nonZero(product.revenue) }));
  differ(
    differences,
    'analytics top products',
    products,
    ledger.topProducts().map((product) => ({ ...product, revenue: nonZero(product.revenue) })),
  );

  const ordersPerCustomer = new Map<string, number>();
  for (const { order } of ledger.orders.values())
    ordersPerCustomer.set(order.customerId, (ordersPerCustomer.get(order.customerId) ?? 0) + 1);
  for (const [id, expected] of ledger.customerFigures()) {
    const value = await apis.analytics.send<CustomerValueResponse>({
      endpoint: 'GET /customers/:id/value',
      method: 'GET',
      path: `/customers/${id}/value`,
    });
    if (value.status !== 200) {
      differences.push(`analytics customer ${id}: answered ${value.status}`);
    } else {
      const { country, orderCount, revenue, tier } = value.body;
      differ(
        differences,
        `analytics customer ${id}`,
        { country, orderCount, revenue: nonZero(revenue), tier },
        expected,
      );
    }
    const customer = await apis.customers.get<CustomerResponse>('/customers/:id', `/customers/${id}`);
    const { orderCount, totalSpent, tier, country } = customer;
    differ(
      differences,
      `customers customer ${id}`,
      { country, orderCount, revenue: nonZero(totalSpent), tier },
      expected,
    );
    const page = await apis.orders.get<OrderPage>('/orders', `/orders?customerId=${id}&limit=1`);
    differ(differences, `orders held for customer ${id}`, page.total, ordersPerCustomer.get(id) ?? 0);
  }
  return { differences, dailySales };
}

function differ(differences: string[], what: string, actual: unknown, expected: unknown): void {
  if (isDeepStrictEqual(actual, expected)) return;
  differences.push(
    `${what}: got ${JSON.stringify(actual).slice(0, 400)}, expected ${JSON.stringify(expected).slice(0, 400)}`,
  );
}
