import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { authorized } from '../../test/access-tokens';
import { createTestApp } from '../../test/test-app';

describe('request validation (global zod pipe)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    ({ app } = await createTestApp());
  });

  afterAll(async () => {
    await app.close();
  });

  const valid = { name: 'Widget', email: 'buyer@example.com', quantity: 2 };

  async function post(payload: unknown) {
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      headers: authorized(),
      payload: payload as object,
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  describe('body', () => {
    it('accepts a valid body and returns the parsed value', async () => {
      const { status, body } = await post(valid);
      expect(status).toBe(201);
      expect(body).toMatchObject(valid);
    });

    it('names a missing field', async () => {
      const { status, body } = await post({ name: 'Widget', quantity: 2 });
      expect(status).toBe(400);
      expect(body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'email: is required but not set',
        issues: [{ path: 'email', message: 'is required but not set' }],
      });
    });

    it('names a malformed field', async () => {
      const { status, body } = await post({ ...valid, email: 'not-an-email' });
      expect(status).toBe(400);
      expect(body['message']).toBe('email: Invalid email address');
    });

    it('names a malformed nested field by its path', async () => {
      const { body } = await post({ ...valid, tags: ['ok', 7] });
      expect(body['issues']).toEqual([{ path: 'tags.1', message: expect.stringContaining('expected string') }]);
    });

    it('rejects an unknown field and names it', async () => {
      const { status, body } = await post({ ...valid, foo: 1 });
      expect(status).toBe(400);
      expect(body['message']).toBe('unknown field "foo"');
      expect(body['issues']).toEqual([{ path: 'foo', message: 'unknown field' }]);
    });

    it('reports every problem at once', async () => {
      const { body } = await post({ email: 'nope', quantity: -1, foo: 1 });
      expect(body['message']).toBe(
        'name: is required but not set; email: Invalid email address; quantity: Too small: expected number to be >0; unknown field "foo"',
      );
    });
  });

  describe('query', () => {
    it('coerces a valid query parameter', async () => {
      const response = await app.inject({ method: 'GET', url: '/items?limit=5', headers: authorized() });
      expect(response.json()).toEqual({ limit: 5, items: [] });
    });

    it('names a bad query parameter', async () => {
      const response = await app.inject({ method: 'GET', url: '/items?limit=500', headers: authorized() });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ message: 'limit: Too big: expected number to be <=100' });
    });

    it('rejects an unknown query parameter', async () => {
      const response = await app.inject({ method: 'GET', url: '/items?limt=5', headers: authorized() });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ message: 'unknown field "limt"' });
    });
  });

  describe('params', () => {
    it('names a malformed path parameter', async () => {
      const response = await app.inject({ method: 'GET', url: '/items/not-a-uuid', headers: authorized() });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ message: 'id: Invalid UUID' });
    });
  });
});
