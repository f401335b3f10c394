import { customersProduct } from '@mesh/customers-contracts';
import { ordersProduct } from '@mesh/orders-contracts';

import { classifiedPointers } from './classified-pointers';
import { schemaFields } from './schema-fields';

const eventOf = (product: typeof ordersProduct, type: string) =>
  product.manifest.outputPorts.streams.flatMap((port) => port.events).find((event) => event.type === type);

describe('schemaFields', () => {
  it("flattens an event's schema into rows: nested array objects, types with formats, required", () => {
    const placed = eventOf(ordersProduct, 'orders.order.placed');
    const rows = schemaFields(placed?.schema).map((row) => `${row.name} · ${row.type} · ${row.required ? 'required' : 'optional'}`);
    expect(rows).toEqual([
      'orderId · string (uuid) · required',
      'customerId · string (uuid) · required',
      'currency · string · required',
      'lines · array of object · required',
      'lines[].sku · string · required',
      'lines[].quantity · integer · required',
      'lines[].unitPrice · integer · required',
      'total · integer · required',
      'placedAt · string (date-time) · required',
    ]);
  });

  it('takes the classification from the manifest, else from the schema', () => {
    const registered = eventOf(customersProduct, 'customers.customer.registered');
    const pointers = classifiedPointers(customersProduct.manifest, 'customers.customer.registered');
    const classified = schemaFields(registered?.schema, pointers).filter((row) => row.classification);
    expect(classified.map((row) => `${row.pointer} ${row.classification}`)).toEqual(['/name pii', '/email pii']);
    const confidential = schemaFields(registered?.schema, new Map([['/country', 'confidential']]));
    expect(confidential.find((row) => row.name === 'country')?.classification).toBe('confidential');
    expect(confidential.find((row) => row.name === 'email')?.classification).toBe('pii');
  });

  it('follows local $refs, shows unions, enums, nullables and descriptions, and an optional parent makes its fields optional', () => {
    const schema = {
      type: 'object',
      $defs: { money: { type: 'object', properties: { amount: { type: 'integer', description: 'minor units' } }, required: ['amount'] } },
      properties: {
        price: { $ref: '#/$defs/money' },
        state: { enum: ['open', 'closed'] },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
      required: ['state'],
    };
    expect(schemaFields(schema)).toEqual([
      { pointer: '/price', name: 'price', type: 'object', required: false, description: null, classification: null },
      { pointer: '/price/amount', name: 'price.amount', type: 'integer', required: false, description: 'minor units', classification: null },
      { pointer: '/state', name: 'state', type: '"open" | "closed"', required: true, description: null, classification: null },
      { pointer: '/note', name: 'note', type: 'string | null', required: false, description: null, classification: null },
    ]);
  });

  it('gives no rows for what is not an object schema', () => {
    expect(schemaFields(undefined)).toEqual([]);
    expect(schemaFields({ type: 'string' })).toEqual([]);
  });
});

describe('classifiedPointers', () => {
  it('reads `<type>#/<pointer>` paths of one type, without array levels, and skips api: paths', () => {
    const manifest = {
      classifiedFields: [
        { path: 'orders.order.placed#/lines/0/sku', classification: 'confidential' },
        { path: 'orders.order.placed#/lines/*/note', classification: 'pii' },
        { path: 'orders.order.shipped#/address', classification: 'pii' },
        { path: 'api:/email', classification: 'pii' },
      ],
    };
    expect([...classifiedPointers(manifest, 'orders.order.placed')]).toEqual([
      ['/lines/sku', 'confidential'],
      ['/lines/note', 'pii'],
    ]);
  });
});
