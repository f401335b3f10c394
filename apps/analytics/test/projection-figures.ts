import type { CustomerValueResponse, DailySales, TopProduct } from '@mesh/analytics-contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { DEVELOPMENT_PSEUDONYM_KEY } from '../src/config/pseudonym.config';
import { authorized } from './access-tokens';
import type { ExpectedProjections } from './expected-projections';

/** Everything the API tells about a range and a set of customers. */
export interface ProjectionFigures {
  dailySales: DailySales[];
  topProducts: TopProduct[];
  customerValues: Array<CustomerValueResponse | undefined>;
}

/** Reads the figures through the HTTP API, as a consumer of the data product would. */
export async function figuresFromApi(
  app: NestFastifyApplication,
  range: { from: string; to: string },
  customerIds: readonly string[],
): Promise<ProjectionFigures> {
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: authorized() });
    if (response.statusCode === 404) return undefined;
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`);
    return response.json();
  };
  const query = `from=${range.from}&to=${range.to}`;
  return {
    dailySales: (await get(`/sales/daily?${query}`)).days,
    topProducts: (await get(`/products/top?limit=100&${query}`)).products,
    customerValues: await Promise.all(customerIds.map((id) => get(`/customers/${id}/value`))),
  };
}

export function expectedFigures(
  expected: ExpectedProjections,
  range: { from: string; to: string },
  customerIds: readonly string[],
): ProjectionFigures {
  return {
    dailySales: expected.dailySalesBetween(range.from, range.to),
    topProducts: expected.topProducts(range.from, range.to, 100),
    customerValues: customerIds.map((id) => expected.customerValue(id, DEVELOPMENT_PSEUDONYM_KEY)),
  };
}
