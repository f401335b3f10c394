import { requestFingerprint } from './request-fingerprint';

const order = {
  customerId: '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a',
  currency: 'EUR',
  items: [
    { sku: 'A', quantity: 1, unitPrice: 100 },
    { sku: 'B', quantity: 2, unitPrice: 50 },
  ],
};

describe('requestFingerprint', () => {
  it('is the same whatever the order of object keys', () => {
    const reordered = {
      items: order.items.map(({ unitPrice, sku, quantity }) => ({ unitPrice, quantity, sku })),
      currency: 'EUR',
      customerId: order.customerId,
    };
    expect(requestFingerprint(reordered)).toBe(requestFingerprint(order));
    expect(requestFingerprint(order)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['another quantity', { ...order, items: [{ ...order.items[0], quantity: 2 }, order.items[1]] }],
    ['the lines in another order', { ...order, items: [...order.items].reverse() }],
    ['another currency', { ...order, currency: 'USD' }],
    ['a number sent as a string', { ...order, items: [{ ...order.items[0], quantity: '1' }, order.items[1]] }],
  ])('differs for %s', (_case, other) => {
    expect(requestFingerprint(other)).not.toBe(requestFingerprint(order));
  });
});
