import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { authorized } from '../../test/access-tokens';
import { createTestApp, type LogCapture } from '../../test/test-app';

describe('HTTP errors', () => {
  let app: NestFastifyApplication;
  let logs: LogCapture;

  beforeAll(async () => {
    ({ app, logs } = await createTestApp({ env: { BODY_LIMIT_BYTES: '1024' } }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 413 with the limit when the body is larger than BODY_LIMIT_BYTES', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { ...authorized(), 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2000), email: 'a@b.co', quantity: 1 }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'request body exceeds the limit of 1024 bytes',
    });
  });

  it('answers 400 (never 500) to malformed JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { ...authorized(), 'content-type': 'application/json' },
      payload: '{"name": "Widget",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'request body is not valid JSON',
    });
  });

  it('treats an empty JSON body as no body: a route that needs one answers its validation 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { ...authorized(), 'content-type': 'application/json' },
      payload: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ message: 'body: is required but not set' });
  });

  it.each([
    ['text/plain', 'name=Widget'],
    ['application/x-www-form-urlencoded', 'name=Widget'],
  ])('answers 415 to %s', async (contentType, payload) => {
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { ...authorized(), 'content-type': contentType },
      payload,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: `content type "${contentType}" is not supported; send application/json`,
    });
  });

  it('accepts application/*+json as JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { ...authorized(), 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ name: 'Widget', email: 'a@b.co', quantity: 1 }),
    });
    expect(response.statusCode).toBe(201);
  });

  it('turns a thrown plain Error into a generic 500 and logs it with the request id', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/items/boom',
      headers: { ...authorized(), 'x-request-id': 'boom-1' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'internal server error',
    });
    expect(response.body).not.toContain('hunter2');
    const logged = logs.lines.find((line) => line['msg'] === 'unhandled error in GET /items/boom');
    expect(logged).toMatchObject({
      level: 'error',
      reqId: 'boom-1',
      err: { message: expect.stringContaining('ECONNREFUSED') },
    });
    expect((logged?.['err'] as { stack?: string }).stack).toContain('Error: connect ECONNREFUSED');
  });

  it('answers 503 with Retry-After when a store cannot be reached, without its address, and logs it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/items/store-down',
      headers: { ...authorized(), 'x-request-id': 'down-1' },
    });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'a store this service needs cannot be reached; send the request again shortly',
    });
    expect(response.body).not.toContain('10.0.3.7');
    expect(logs.lines.find((line) => line['reqId'] === 'down-1' && line['level'] === 'error')).toBeDefined();
  });

  it('lets an HttpException keep its status and message', async () => {
    const response = await app.inject({ method: 'GET', url: '/items/conflict', headers: authorized() });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ statusCode: 409, error: 'Conflict', message: 'item already exists' });
  });

  it('gives an unknown route the same shape', async () => {
    const response = await app.inject({ method: 'GET', url: '/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /nowhere' });
  });
});
