import { Body, Controller, HttpCode, HttpStatus, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

import { authorized } from '../../test/access-tokens';
import { createTestApp } from '../../test/test-app';

/** A route whose body is optional: it reports what reached the handler. */
@Controller('notes')
class NotesController {
  @Post('archive')
  @HttpCode(HttpStatus.OK)
  archive(@Body() body: unknown): { received: string; body: unknown } {
    return { received: body === undefined ? 'no body' : typeof body, body: body ?? null };
  }
}

@Module({ controllers: [NotesController] })
class NotesModule {}

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * Real HTTP requests over a socket, written with node:http so that the exact headers are ours:
 * `content-length: 0`, or chunked with no chunk, both with a JSON content type.
 */
describe('an empty body sent with a JSON content type (over HTTP)', () => {
  let app: NestFastifyApplication;
  let port: number;

  beforeAll(async () => {
    ({ app } = await createTestApp({ imports: [NotesModule] }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app.close();
  });

  function send(
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    options: { chunked?: boolean } = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const allHeaders: Record<string, string> = { ...authorized(), ...headers };
      if (!options.chunked) allHeaders['content-length'] = String(Buffer.byteLength(body ?? ''));
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers: allHeaders }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it.each([
    ['application/json'],
    ['application/json; charset=utf-8'],
    ['application/merge-patch+json'],
  ])('reaches a handler whose body is optional as no body (content-type: %s, content-length: 0)', async (type) => {
    const answer = await send('/notes/archive', { 'content-type': type }, '');
    expect(answer).toEqual({ status: 200, body: { received: 'no body', body: null } });
  });

  it('treats a chunked request without a chunk the same way', async () => {
    const answer = await send('/notes/archive', { 'content-type': 'application/json' }, undefined, { chunked: true });
    expect(answer).toEqual({ status: 200, body: { received: 'no body', body: null } });
  });

  it('treats fetch’s empty string body the same way', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/notes/archive`, {
      method: 'POST',
      headers: { ...authorized(), 'content-type': 'application/json' },
      body: '',
    });
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200,
      body: { received: 'no body', body: null },
    });
  });

  it('still parses a JSON body', async () => {
    const answer = await send('/notes/archive', { 'content-type': 'application/json' }, '{"reason":"done"}');
    expect(answer).toEqual({ status: 200, body: { received: 'object', body: { reason: 'done' } } });
  });

  it('gives a route that needs a body its validation 400, naming the body', async () => {
    const answer = await send('/items', { 'content-type': 'application/json' }, '');
    expect(answer).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'body: is required but not set',
        issues: [{ path: 'body', message: 'is required but not set' }],
      },
    });
  });

  it.each([['{"reason": "done",'], ['   '], ["{'reason': 'done'}"]])(
    'still answers 400 "not valid JSON" to malformed JSON (%j)',
    async (payload) => {
      const answer = await send('/notes/archive', { 'content-type': 'application/json' }, payload);
      expect(answer).toEqual({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: 'request body is not valid JSON' },
      });
    },
  );
});
