import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface AttackRequest {
  readonly method: string;
  /** Path and query, e.g. `/orders/…/cancel`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The address the request seems to come from; only an in-process app can be told one. */
  readonly remoteAddress?: string;
}

export interface AttackAnswer {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

/** One way to reach a service: in process (Fastify's inject) or over HTTP (a running process). */
export type SendRequest = (request: AttackRequest) => Promise<AttackAnswer>;

/** Requests into an app of the test's own, without a socket: the same routing, hooks and guards. */
export function injectInto(app: NestFastifyApplication): SendRequest {
  return async (request) => {
    const answer = await app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: request.headers,
      ...(request.body !== undefined && { payload: request.body }),
      ...(request.remoteAddress !== undefined && { remoteAddress: request.remoteAddress }),
    });
    const headers = Object.fromEntries(
      Object.entries(answer.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value?.toString()]),
    );
    return { status: answer.statusCode, headers, body: answer.body };
  };
}

/** Requests to a service listening at `baseUrl` (e.g. `http://127.0.0.1:3001`). */
export function fetchFrom(baseUrl: string): SendRequest {
  return async (request) => {
    const answer = await fetch(new URL(request.url, baseUrl), {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && { body: request.body }),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: answer.status, headers: Object.fromEntries(answer.headers), body: await answer.text() };
  };
}
