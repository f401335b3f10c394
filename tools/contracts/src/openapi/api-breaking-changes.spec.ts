import { findBreakingApiChanges } from './api-breaking-changes';

interface SchemaObject {
  type?: string;
  enum?: string[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  [keyword: string]: unknown;
}
interface Operation {
  operationId: string;
  parameters?: Array<Record<string, unknown>>;
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
interface ApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, { get?: Operation; post?: Operation }>;
  components: { schemas: Record<string, SchemaObject> };
}

/** A small API in the shape @nestjs/swagger and nestjs-zod produce: DTOs as components, used by `$ref`. */
const base: ApiDocument = {
  openapi: '3.0.0',
  info: { title: 'Orders', version: '1.0.0' },
  paths: {
    '/orders': {
      post: {
        operationId: 'place',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PlaceOrderDto' } } } },
        responses: { '201': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderDto' } } } } },
      },
      get: {
        operationId: 'list',
        parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { items: { type: 'array', items: { $ref: '#/components/schemas/OrderDto' } } },
                  required: ['items'],
                },
              },
            },
          },
        },
      },
    },
    '/orders/{id}': {
      get: {
        operationId: 'get',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderDto' } } } } },
      },
    },
  },
  components: {
    schemas: {
      PlaceOrderDto: {
        type: 'object',
        properties: { customerId: { type: 'string' }, quantity: { type: 'number' }, priority: { type: 'string', enum: ['low', 'high'] } },
        required: ['customerId'],
        additionalProperties: false,
      },
      OrderDto: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          status: { type: 'string', enum: ['placed', 'cancelled'] },
          total: { type: 'integer' },
          note: { type: 'string' },
        },
        required: ['id', 'status', 'total'],
      },
    },
  },
};
const changed = (edit: (api: ApiDocument) => void): ApiDocument => {
  const api = structuredClone(base);
  edit(api);
  return api;
};
/** The findings without the advice every line ends with. */
const findings = (edit: (api: ApiDocument) => void, retiredPaths?: string[]) =>
  findBreakingApiChanges(base, changed(edit), { retiredPaths }).map((line) => line.replace(/\. Keep the operation .*$/, ''));
/** A DTO's properties, to change in place. */
const properties = (api: ApiDocument, dto: string): Record<string, SchemaObject> => {
  const found = api.components.schemas[dto]?.properties;
  if (!found) throw new Error(`no properties in ${dto}`);
  return found;
};
const property = (api: ApiDocument, dto: string, name: string): SchemaObject => {
  const found = properties(api, dto)[name];
  if (!found) throw new Error(`no ${dto}.${name}`);
  return found;
};
const operation = (api: ApiDocument, path: string, method: 'get' | 'post'): Operation => {
  const found = api.paths[path]?.[method];
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
};

describe('findBreakingApiChanges', () => {
  it('finds nothing between a document and itself', () => {
    expect(findings(() => undefined)).toEqual([]);
  });

  it('ends every line with what to do', () => {
    const [line] = findBreakingApiChanges(base, changed((api) => delete api.paths['/orders/{id}']));
    expect(line).toBe(
      'GET /orders/{id}: [Removed] operation GET /orders/{id}. Keep the operation compatible (new request fields and ' +
        'parameters optional, response fields kept) or serve the change under a new major version path (e.g. /v2/…) beside the old one',
    );
  });

  it('fails a response field removed, required or optional, once per operation that returns it', () => {
    expect(
      findings((api) => {
        delete properties(api, 'OrderDto')['total'];
        api.components.schemas['OrderDto'] = { ...api.components.schemas['OrderDto'], required: ['id', 'status'] };
      }),
    ).toEqual([
      'POST /orders: [Removed] property `total` in response 201 (application/json)',
      'GET /orders: [Removed] property `items[].total` in response 200 (application/json)',
      'GET /orders/{id}: [Removed] property `total` in response 200 (application/json)',
    ]);
    expect(findings((api) => delete properties(api, 'OrderDto')['note'])).toHaveLength(3);
  });

  it('passes an optional response field or request field added, and a new path', () => {
    expect(findings((api) => (properties(api, 'OrderDto')['memo'] = { type: 'string' }))).toEqual([]);
    expect(findings((api) => (properties(api, 'PlaceOrderDto')['memo'] = { type: 'string' }))).toEqual([]);
    expect(findings((api) => (api.paths['/v2/orders'] = structuredClone(api.paths['/orders'] ?? {})))).toEqual([]);
  });

  it('fails a new required request field and a new required parameter', () => {
    expect(
      findings((api) => {
        properties(api, 'PlaceOrderDto')['currency'] = { type: 'string' };
        api.components.schemas['PlaceOrderDto']?.required?.push('currency');
      }),
    ).toContain('POST /orders: [Added] required status of `currency` in the request body (application/json)');
    expect(
      findings((api) =>
        operation(api, '/orders', 'get').parameters?.push({ name: 'after', in: 'query', required: true, schema: { type: 'string' } }),
      ),
    ).toEqual(['GET /orders: [Added] required query parameter `after`']);
  });

  it('fails a narrowed request type and a removed request enum value; passes a narrowed response enum', () => {
    expect(findings((api) => (property(api, 'PlaceOrderDto', 'quantity').type = 'integer'))).toEqual([
      'POST /orders: [Changed] `type` of `quantity` ("number" → "integer") in the request body (application/json)',
    ]);
    expect(findings((api) => (property(api, 'PlaceOrderDto', 'priority').enum = ['low']))).toEqual([
      'POST /orders: [Removed] enum value "high" of `priority` in the request body (application/json)',
    ]);
    expect(findings((api) => (property(api, 'OrderDto', 'status').enum = ['placed']))).toEqual([]);
  });

  it('fails a response type changed to an unrelated one, and passes number narrowed to integer', () => {
    expect(findings((api) => (property(api, 'OrderDto', 'total').type = 'string'))).toContain(
      'GET /orders/{id}: [Changed] `type` of `total` ("integer" → "string") in response 200 (application/json)',
    );
    const widened = changed((api) => (property(api, 'OrderDto', 'total').type = 'number'));
    expect(findBreakingApiChanges(widened, base)).toEqual([]);
  });

  it('fails an operation that asks for another scope, or for one where it asked for none', () => {
    const scoped = changed((api) => Object.assign(operation(api, '/orders', 'get'), { 'x-required-scope': 'orders:read' }));
    const moved = changed((api) => Object.assign(operation(api, '/orders', 'get'), { 'x-required-scope': 'orders:admin' }));
    const strip = (lines: string[]) => lines.map((line) => line.replace(/\. Keep the operation .*$/, ''));
    expect(strip(findBreakingApiChanges(scoped, moved))).toEqual([
      'GET /orders: [Changed] the access token scope it requires (orders:read → orders:admin)',
    ]);
    expect(strip(findBreakingApiChanges(base, scoped))).toEqual([
      'GET /orders: [Added] the access token scope it requires (none → orders:read)',
    ]);
    expect(findBreakingApiChanges(scoped, base)).toEqual([]);
  });

  it('fails a removed route or success response, unless its path is retired', () => {
    expect(findings((api) => delete api.paths['/orders']?.get)).toEqual(['GET /orders: [Removed] operation GET /orders']);
    expect(findings((api) => delete api.paths['/orders/{id}'], ['/orders/{id}'])).toEqual([]);
    expect(
      findings((api) => (operation(api, '/orders/{id}', 'get').responses = { '404': { description: 'no' } })),
    ).toContain('GET /orders/{id}: [Removed] Response 200');
  });
});
