import { bearer } from '../harness/access-tokens';
import type { StatusTally } from './status-tally';

export interface ApiAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiRequest {
  /** The endpoint as it is tallied, e.g. `POST /orders/:id/cancel`. */
  endpoint: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown when a request got no answer at all (refused, reset, timed out). */
export class NoAnswerError extends Error {}

/** Where the API answers: one URL, or a choice made per request (e.g. the next running replica). */
export type BaseUrl = string | (() => string);

/**
 * One domain's public HTTP API as a client sees it: JSON in and out, with the run's access
 * token. Every answer is tallied; what to make of a status is the caller's business.
 */
export class JsonApi {
  constructor(
    private readonly baseUrl: BaseUrl,
    private readonly token: string,
    private readonly tally: StatusTally,
    private readonly timeoutMs = 10_000,
  ) {}

  async send<T = unknown>(request: ApiRequest): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { authorization: bearer(this.token), ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const url = `${typeof this.baseUrl === 'string' ? this.baseUrl : this.baseUrl()}${request.path}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new NoAnswerError(`${request.method} ${url}: no answer`, { cause: error });
    }
    this.tally.record(request.endpoint, response.status, text);
    return { status: response.status, headers: response.headers, body: (text && parseJson(text)) as T };
  }

  /** GET that must answer 200. */
  async get<T>(endpoint: string, path: string): Promise<T> {
    const answer = await this.send<T>({ endpoint: `GET ${endpoint}`, method: 'GET', path });
    if (answer.status !== 200)
      throw new Error(`GET ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    return answer.body;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
