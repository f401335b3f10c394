import { registerCustomerRequest, updateCustomerRequest } from '@mesh/customers-contracts';
import { cancelOrderRequest, placeOrderRequest } from '@mesh/orders-contracts';
import { z } from 'zod';

import { newTokenIssuer } from '../../../kit/src/access-tokens';
import { judge } from './fuzz-run';
import { FUZZ_CATEGORIES, type MalformedRequest } from './malformed-request';
import { malformedRequests } from './malformed-requests';

const context = { token: 'header.payload.signature', issuer: newTokenIssuer('fuzz-spec') };
const requests = malformedRequests(context, 1_500, 20261128);

/** The contract each JSON body endpoint validates its body with. */
function contractOf(request: MalformedRequest): z.ZodType | undefined {
  if (request.method === 'POST' && request.path === '/orders') return placeOrderRequest;
  if (request.method === 'POST' && /^\/orders\/[^/]+\/cancel$/.test(request.path)) return cancelOrderRequest;
  if (request.method === 'POST' && request.path === '/customers') return registerCustomerRequest;
  if (request.method === 'PATCH') return updateCustomerRequest;
  return undefined;
}

describe('malformedRequests', () => {
  it('gives at least the number asked for, from every category', () => {
    expect(requests.length).toBeGreaterThanOrEqual(1_500);
    expect(new Set(requests.map((request) => request.category))).toEqual(new Set(FUZZ_CATEGORIES));
  });

  it('gives the same requests for the same seed', () => {
    const again = malformedRequests(context, 1_500, 20261128);
    expect(again.map((request) => `${request.method} ${request.path}`)).toEqual(
      requests.map((request) => `${request.method} ${request.path}`),
    );
  });

  it.each(['wrong types', 'missing fields', 'unknown fields', 'values out of range'])(
    'sends %s only in bodies the contract refuses',
    (category) => {
      const bodies = requests.filter((request) => request.category === category);
      expect(bodies.length).toBeGreaterThan(50);
      for (const request of bodies) {
        const contract = contractOf(request);
        expect(contract).toBeDefined();
        expect(contract?.safeParse(JSON.parse(request.body as string)).success).toBe(false);
      }
    },
  );

  it('sends bad JSON that no JSON parser accepts', () => {
    for (const request of requests.filter((each) => each.category === 'bad JSON')) {
      expect(() => JSON.parse(request.body as string)).toThrow();
    }
  });

  it('sends huge payloads over the services’ 1 MiB body limit', () => {
    for (const request of requests.filter((each) => each.category === 'huge payloads')) {
      expect(typeof request.body).toBe('function');
      expect((request.body as () => string)().length).toBeGreaterThan(1024 * 1024);
    }
  });

  it('puts no UUID where a bad id is sent', () => {
    for (const request of requests.filter((each) => each.category === 'bad ids')) {
      const id = decodeURIComponent(request.path.split('/')[request.path.startsWith('/admin') ? 3 : 2]);
      expect(z.uuid().safeParse(id).success).toBe(false);
    }
  });

  it('breaks the headers of every bad-headers request: no valid token, or a refused content type or key', () => {
    for (const request of requests.filter((each) => each.category === 'bad headers')) {
      const { authorization, 'content-type': contentType, 'idempotency-key': key } = request.headers;
      const validToken = authorization === `Bearer ${context.token}`;
      const badKey = key !== undefined && (key.length === 0 || key.length > 200);
      expect(!validToken || (contentType !== undefined && contentType !== 'application/json') || badKey).toBe(true);
    }
  });
});

describe('judge', () => {
  it('accepts a 4xx whose JSON body says what is wrong', () => {
    expect(
      judge(400, JSON.stringify({ statusCode: 400, error: 'Bad Request', message: 'items: required' })),
    ).toBeUndefined();
  });

  it.each([
    ['a success', 201, JSON.stringify({ id: 'x' })],
    ['a server error', 500, JSON.stringify({ statusCode: 500, message: 'internal server error' })],
    ['a 4xx without message', 400, JSON.stringify({ statusCode: 400 })],
    ['a 4xx that is not JSON', 404, 'Not Found'],
    ['a body whose status differs', 400, JSON.stringify({ statusCode: 422, message: 'x' })],
  ])('refuses %s', (_case, status, body) => {
    expect(judge(status, body)).toBeDefined();
  });
});
