import { orderResponse } from './order.response';
import { cancelOrderRequest, DEFAULT_PAGE_SIZE, listOrdersQuery, MAX_PAGE_OFFSET } from './order-requests';
import { placeOrderRequest } from './place-order.request';

describe('placeOrderRequest', () => {
  it('refuses a total beyond the exact integer range, naming items', () => {
    const line = { sku: 'GOLD', quantity: 10_000, unitPrice: Number.MAX_SAFE_INTEGER };
    const result = placeOrderRequest.safeParse({
      customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
      currency: 'EUR',
      items: [line],
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['items'], message: expect.stringContaining('order total') }),
    ]);
  });
});

describe('listOrdersQuery', () => {
  it('defaults to the first page of the default size', () => {
    expect(listOrdersQuery.parse({})).toEqual({ page: 1, limit: DEFAULT_PAGE_SIZE });
  });

  it('reads whole numbers from the query string', () => {
    expect(listOrdersQuery.parse({ page: '3', limit: '100', status: 'shipped' })).toEqual({
      page: 3,
      limit: 100,
      status: 'shipped',
    });
  });

  it('takes after, the id of the last order of the previous page', () => {
    const after = '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a';
    expect(listOrdersQuery.parse({ after, limit: '10' })).toEqual({ after, page: 1, limit: 10 });
  });

  it('lets a page skip at most MAX_PAGE_OFFSET orders', () => {
    expect(listOrdersQuery.safeParse({ page: String(MAX_PAGE_OFFSET / 100 + 1), limit: '100' }).success).toBe(true);
    expect(listOrdersQuery.safeParse({ page: String(MAX_PAGE_OFFSET + 1), limit: '1' }).success).toBe(true);
  });

  it.each([
    ['a page beyond MAX_PAGE_OFFSET orders', { page: String(MAX_PAGE_OFFSET / 100 + 2), limit: '100' }, 'page'],
    ['a page of one beyond MAX_PAGE_OFFSET', { page: String(MAX_PAGE_OFFSET + 2), limit: '1' }, 'page'],
    ['a page with after', { page: '2', after: '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a' }, 'page'],
    ['a malformed after', { after: 'last' }, 'after'],
    ['a zero page', { page: '0' }, 'page'],
    ['a fractional page', { page: '1.5' }, 'page'],
    ['an empty limit', { limit: '' }, 'limit'],
    ['a limit over 100', { limit: '101' }, 'limit'],
    ['an unknown status', { status: 'lost' }, 'status'],
    ['a malformed customer id', { customerId: '42' }, 'customerId'],
  ])('refuses %s, naming the field', (_case, query, path) => {
    expect(listOrdersQuery.safeParse(query).error?.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });
});

describe('cancelOrderRequest', () => {
  it('takes an optional reason of at most 500 characters', () => {
    expect(cancelOrderRequest.parse({})).toEqual({});
    expect(cancelOrderRequest.parse({ reason: ' too late ' })).toEqual({ reason: 'too late' });
    expect(cancelOrderRequest.safeParse({ reason: 'x'.repeat(501) }).success).toBe(false);
  });
});

describe('orderResponse', () => {
  it('describes an order with its lines, totals and transition times', () => {
    const order = {
      id: '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a',
      customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
      status: 'cancelled',
      currency: 'EUR',
      items: [{ sku: 'BOOK-1', quantity: 2, unitPrice: 1250, lineTotal: 2500 }],
      total: 2500,
      placedAt: '2026-11-28T09:30:00.000Z',
      cancelledAt: '2026-11-28T10:00:00.000Z',
      shippedAt: null,
    };
    expect(orderResponse.parse(order)).toEqual(order);
    expect(orderResponse.safeParse({ ...order, status: 'lost' }).success).toBe(false);
  });
});
