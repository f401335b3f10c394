/** What the mesh answered, or that no answer came (the connection failed or timed out). */
export type ApiOutcome =
  | { readonly kind: 'answer'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'no-answer'; readonly error: string };

export interface ApiRequest {
  readonly method: 'GET' | 'POST';
  /** e.g. `/orders`. */
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const REQUEST_TIMEOUT_MS = 15_000;

/** One domain's API behind the gateway's published port, called with a bearer token. */
export class MeshApi {
  constructor(
    readonly name: string,
    private readonly baseUrl: string,
    private readonly token: string | undefined,
  ) {}

  /** Without a token: to see that the API refuses it. */
  anonymous(): MeshApi {
    return new MeshApi(`${this.name} (no token)`, this.baseUrl, undefined);
  }

  async call(request: ApiRequest): Promise<ApiOutcome> {
    try {
      const response = await fetch(`${this.baseUrl}${request.path}`, {
        method: request.method,
        headers: {
          ...(this.token === undefined ? {} : { authorization: `Bearer ${this.token}` }),
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...request.headers,
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      return { kind: 'answer', status: response.status, body: parseJson(text) };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { kind: 'no-answer', error: cause?.code ?? cause?.message ?? (error as Error).message };
    }
  }

  /** A call that must answer with a 2xx: anything else is an error that shows the answer. */
  async expectOk<T>(request: ApiRequest): Promise<T> {
    const outcome = await this.call(request);
    if (outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300) return outcome.body as T;
    throw new Error(`${this.name} ${request.method} ${request.path}: ${describeOutcome(outcome)}`);
  }
}

export function describeOutcome(outcome: ApiOutcome): string {
  if (outcome.kind === 'no-answer') return `no answer (${outcome.error})`;
  return `${outcome.status} ${JSON.stringify(outcome.body).slice(0, 300)}`;
}

/**
 * An outcome that says nothing about whether the request took effect: no answer, or the
 * gateway's 502/503/504 (the task died with the request, or no task was ready).
 */
export function isInconclusive(outcome: ApiOutcome): boolean {
  return outcome.kind === 'no-answer' || [502, 503, 504].includes(outcome.status);
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}
