import type { CustomerPage, CustomerResponse } from '@mesh/customers-contracts';
import { v7 as uuidv7 } from 'uuid';

import { authorized } from '../../test/access-tokens';
import { customersAppForThisFile, registerCustomer } from '../../test/customers-app';

jest.setTimeout(30_000);

describe('GET /customers and GET /customers/:id', () => {
  const context = customersAppForThisFile();
  const inFrance: CustomerResponse[] = [];

  const get = (url: string) => context.service.app.inject({ method: 'GET', url, headers: authorized() });

  beforeAll(async () => {
    for (let index = 0; index < 5; index += 1) {
      inFrance.push(await registerCustomer(context.service.app, { name: `Client ${index}`, country: 'FR' }));
    }
    await registerCustomer(context.service.app, { country: 'DE' });
    await registerCustomer(context.service.app, { country: 'DE' });
  });

  describe('GET /customers/:id', () => {
    it('answers the customer', async () => {
      const response = await get(`/customers/${inFrance[2].id}`);

      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(inFrance[2]);
    });

    it('answers 404 for an unknown id', async () => {
      const unknown = uuidv7();
      const response = await get(`/customers/${unknown}`);

      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ message: `customer ${unknown} not found` });
    });

    it.each(['not-a-uuid', '123', `${uuidv7()}x`])('answers 400 naming id for the malformed id %s', async (id) => {
      const response = await get(`/customers/${id}`);

      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toMatch(/^id: /);
    });
  });

  describe('GET /customers', () => {
    it('lists customers of a country, oldest first, a page at a time, counted on the first page only', async () => {
      const first = await get('/customers?country=FR&page=1&limit=2');
      const last = await get('/customers?country=FR&page=3&limit=2');

      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({
        items: inFrance.slice(0, 2),
        total: 5,
        page: 1,
        limit: 2,
        hasMore: true,
        next: inFrance[1].id,
      });
      expect(last.json()).toEqual({ items: inFrance.slice(4), page: 3, limit: 2, hasMore: false });
    });

    it('lists every customer with page 1 and limit 20 by default', async () => {
      const response = await get('/customers');

      expect(response.json<CustomerPage>()).toMatchObject({ total: 7, page: 1, limit: 20, hasMore: false });
      expect(response.json<CustomerPage>().items).toHaveLength(7);
    });

    it('follows next with after, page after page, to the last', async () => {
      const seen: CustomerResponse[] = [];
      let page = (await get('/customers?country=FR&limit=2')).json<CustomerPage>();
      seen.push(...page.items);
      while (page.next) {
        const response = await get(`/customers?country=FR&limit=2&after=${page.next}`);
        expect(response.statusCode).toBe(200);
        page = response.json<CustomerPage>();
        expect(page.total).toBeUndefined();
        expect(page.page).toBeUndefined();
        seen.push(...page.items);
      }

      expect(seen).toEqual(inFrance);
      expect(page).toMatchObject({ limit: 2, hasMore: false });
    });

    it('answers an empty page past the end and for a country without customers', async () => {
      expect((await get('/customers?country=FR&page=9')).json()).toEqual({ items: [], page: 9, limit: 20, hasMore: false });
      expect((await get('/customers?country=JP')).json()).toEqual({
        items: [],
        total: 0,
        page: 1,
        limit: 20,
        hasMore: false,
      });
      expect((await get(`/customers?after=${uuidv7()}`)).json()).toEqual({ items: [], limit: 20, hasMore: false });
    });

    it('lets a page skip at most 10000 customers, naming page, and points to after instead', async () => {
      expect((await get('/customers?page=101&limit=100')).statusCode).toBe(200);

      const far = await get('/customers?page=100000000&limit=100');
      expect(far.statusCode).toBe(400);
      expect(far.json<{ message: string }>().message).toMatch(/^page: /);
      const justPast = await get('/customers?page=102&limit=100');
      expect(justPast.statusCode).toBe(400);
      expect(justPast.json<{ message: string }>().message).toBe(
        'page: page 102 of 100 skips more than 10000 customers; follow next with after=<id> instead',
      );
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['page=0', 'page'],
      ['page=1.5', 'page'],
      ['country=fr', 'country'],
      ['country=FRA', 'country'],
      ['sort=name', 'sort'],
      ['after=42', 'after'],
      [`after=${uuidv7()}&page=2`, 'page'],
    ])('answers 400 naming the parameter for %s', async (query, field) => {
      const response = await get(`/customers?${query}`);

      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toMatch(
        new RegExp(`(^${field}: |unknown field "${field}")`),
      );
    });
  });
});
