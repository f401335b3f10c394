import { bearer } from '../access-tokens';
import type { StatusTally } from './status-tally';

export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** After the API's base URL, e.g. `/orders/…/cancel`. */
  readonly path: string;
  /** The endpoint as the tally counts it, e.g. `POST /orders/:id/cancel`; the method and path when not given. */
  readonly endpoint?: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the API answered. */
export interface ApiAnswer<T = unknown> {
  readonly kind: 'answer';
  readonly status: number;
  readonly headers: Headers;
  /** The body as JSON; its text when it is not JSON (`''` when empty). */
  readonly body: T;
  readonly text: string;
}

/** No answer at all: refused, reset, timed out. */
export interface NoAnswer {
  readonly kind: 'no-answer';
  /** The cause's code (`ECONNREFUSED`, …) or message. */
  readonly error: string;
  readonly url: string;
  readonly cause: unknown;
}

export type ApiOutcome<T = unknown> = ApiAnswer<T> | NoAnswer;

/** Thrown by `send` when a request got no answer at all. */
export class NoAnswerError extends Error {}

/** Where the API answers: one URL, or a choice made per request (e.g. the next running replica). */
export type BaseUrl = string | (() => string);

export interface MeshApiOptions {
  /** Names the API in errors, e.g. `orders`. */
  readonly name: string;
  readonly baseUrl: BaseUrl;
  /** The bearer token every request carries; none, no Authorization header. */
  readonly token?: string;
  /** Counts every answer (the mesh e2e and the soak judge the 5xx among them). */
  readonly tally?: StatusTally;
  readonly timeoutMs?: number;
}

/**
 * One domain's public HTTP API as a client sees it, straight or behind a gateway: JSON in and
 * out, with the run's access token. What to make of a status is the caller's business.
 */
export class MeshApi {
  constructor(private readonly options: MeshApiOptions) {}

  get name(): string {
    return this.options.name;
  }

  /** Without a token: to see that the API refuses it. */
  anonymous(): MeshApi {
    return new MeshApi({ ...this.options, name: `${this.name} (no token)`, token: undefined });
  }

  /** The answer, or that none came; never throws. */
  async call<T = unknown>(request: ApiRequest): Promise<ApiOutcome<T>> {
    const { baseUrl, token, tally, timeoutMs = 10_000 } = this.options;
    const url = `${typeof baseUrl === 'string' ? baseUrl : baseUrl()}${request.path}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: request.method,
        headers: {
          ...(token === undefined ? {} : { authorization: bearer(token) }),
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...request.headers,
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { kind: 'no-answer', error: cause?.code ?? cause?.message ?? (error as Error).message, url, cause: error };
    }
    tally?.record(request.endpoint ?? `${request.method} ${request.path}`, response.status, text);
    return {
      kind: 'answer',
      status: response.status,
      headers: response.headers,
      body: (text && parseJson(text)) as T,
      text,
    };
  }

  /** The answer; @throws NoAnswerError when none came. */
  async send<T = unknown>(request: ApiRequest): Promise<ApiAnswer<T>> {
    const outcome = await this.call<T>(request);
    if (outcome.kind === 'no-answer')
      throw new NoAnswerError(`${request.method} ${outcome.url}: no answer`, { cause: outcome.cause });
    return outcome;
  }

  /** GET that must answer 200; `endpoint` as tallied, e.g. `/orders/:id`. */
  async get<T>(endpoint: string, path: string): Promise<T> {
    const answer = await this.send<T>({ endpoint: `GET ${endpoint}`, method: 'GET', path });
    if (answer.status !== 200)
      throw new Error(`GET ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    return answer.body;
  }

  /** A call that must answer with a 2xx: anything else is an error that shows the answer. */
  async expectOk<T>(request: ApiRequest): Promise<T> {
    const outcome = await this.call<T>(request);
    if (isSuccess(outcome)) return (outcome as ApiAnswer<T>).body;
    throw new Error(`${this.name} ${request.method} ${request.path}: ${describeOutcome(outcome)}`);
  }
}

export function isSuccess(outcome: ApiOutcome): boolean {
  return outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300;
}

/**
 * An outcome that says nothing about whether the request took effect: no answer, or a gateway's
 * 502/503/504 (the task died with the request, or no task was ready).
 */
export function isInconclusive(outcome: ApiOutcome): boolean {
  return outcome.kind === 'no-answer' || [502, 503, 504].includes(outcome.status);
}

export function describeOutcome(outcome: ApiOutcome): string {
  if (outcome.kind === 'no-answer') return `no answer (${outcome.error})`;
  return `${outcome.status} ${JSON.stringify(outcome.body).slice(0, 300)}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
