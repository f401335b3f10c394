import { analyticsProduct } from '@mesh/analytics-contracts';
import { customersProduct } from '@mesh/customers-contracts';
import { ordersProduct } from '@mesh/orders-contracts';

import { searchCatalog } from './search-catalog';

const manifests = [ordersProduct.manifest, customersProduct.manifest, analyticsProduct.manifest];
const found = (query: string) => searchCatalog(manifests, query).map((hit) => `${hit.kind} ${hit.label} → ${hit.href}`);

describe('searchCatalog', () => {
  it('finds a product by name, an owner by team, a stream, an event type and its fields', () => {
    expect(found('orders')[0]).toBe('product Orders → /#/products/orders');
    expect(found('customer-care')).toContain('owner customer-care → /#/products/customers');
    expect(found('orders.order.placed')[0]).toBe('event-type orders.order.placed → /#/events/orders.order.placed');
    expect(found('customers.customer.v1')).toContain('stream customers.customer.v1 → /#/products/customers');
  });

  it('finds fields by name and by classification, with the event they belong to', () => {
    const email = searchCatalog(manifests, 'email').filter((hit) => hit.kind === 'field');
    expect(email.map((hit) => `${hit.eventType} ${hit.label}: ${hit.detail}`)).toEqual(
      expect.arrayContaining([
        'customers.customer.registered email: customers.customer.registered v1 · string (email) · pii',
      ]),
    );
    expect(found('pii').every((hit) => hit.startsWith('field ') || hit.startsWith('stream ') || hit.startsWith('event-type '))).toBe(true);
    expect(found('sku')).toContain('field lines[].sku → /#/events/orders.order.placed');
  });

  it('needs every word, ignores case, and finds nothing for nothing', () => {
    // "placed" and "lines" both in the field's event or in the product's description
    expect(found('PLACED lines')).toEqual([
      'product Orders → /#/products/orders',
      'field lines → /#/events/orders.order.placed',
      'field lines[].sku → /#/events/orders.order.placed',
      'field lines[].quantity → /#/events/orders.order.placed',
      'field lines[].unitPrice → /#/events/orders.order.placed',
    ]);
    expect(found('placed nonsense')).toEqual([]);
    expect(found('   ')).toEqual([]);
  });

  it('puts an exact name first and keeps to the limit', () => {
    expect(found('customerId')[0]).toMatch(/^field customerId /);
    expect(searchCatalog(manifests, 'e', 5)).toHaveLength(5);
  });
});
