import type { TestIssuer } from '../test-issuer';
import { type TokenAttack, tokenAttacks } from './attack-tokens';
import type { AttackAnswer, SendRequest } from './http-sender';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** Stands in for every path parameter: well formed for ids, so the answer is not decided by the path alone. */
const PATH_PARAMETER = '00000000-0000-4000-8000-000000000000';

interface OpenApiOperation {
  readonly security?: readonly unknown[];
  readonly 'x-required-scope'?: string;
  readonly requestBody?: unknown;
}

interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>>>;
}

/** An operation of the OpenAPI document that needs a token. */
export interface SecuredOperation {
  readonly method: string;
  /** As documented, e.g. `/orders/{id}/cancel`. */
  readonly path: string;
  readonly scope: string;
  readonly hasBody: boolean;
}

export interface MatrixOptions {
  readonly domain: string;
  readonly issuer: TestIssuer;
  readonly otherDomains: readonly string[];
  readonly send: SendRequest;
}

export interface AuthorizationMatrix {
  readonly operations: readonly SecuredOperation[];
  /** Attacks per operation (the rows of the matrix). */
  readonly attacks: readonly string[];
  /** Requests sent: operations × (attacks + the control with the right scope). */
  readonly requests: number;
  /** Answers per status, over every attack. */
  readonly statuses: ReadonlyMap<number, number>;
  /** Every answer that was not the expected refusal, and every control that was refused. */
  readonly mismatches: readonly string[];
}

/**
 * Reads the service's OpenAPI document (/docs-json) and sends every attack of `tokenAttacks` to
 * every operation that needs a token, expecting each refused with its 401 or 403: the status, the
 * RFC 6750 challenge and an error body. Then the same request with a right token, which must not be
 * refused, so a route that refuses everything cannot pass for a safe one.
 */
export async function runAuthorizationMatrix(options: MatrixOptions): Promise<AuthorizationMatrix> {
  const documentAnswer = await options.send({ method: 'GET', url: '/docs-json', headers: {} });
  if (documentAnswer.status !== 200) throw new Error(`GET /docs-json answered ${documentAnswer.status}`);
  const operations = securedOperations(JSON.parse(documentAnswer.body) as OpenApiDocument);
  const statuses = new Map<number, number>();
  const mismatches: string[] = [];
  let requests = 0;
  let attackNames: string[] = [];
  for (const operation of operations) {
    const attacks = tokenAttacks(options.issuer, { ...options, scope: operation.scope });
    attackNames = attacks.map((attack) => attack.name);
    const send = (authorization: string | undefined) => {
      requests += 1;
      return options.send({
        method: operation.method,
        url: concretePath(operation.path),
        headers: {
          ...(authorization !== undefined && { authorization }),
          ...(operation.hasBody && { 'content-type': 'application/json' }),
        },
        ...(operation.hasBody && { body: '{}' }),
      });
    };
    for (const attack of attacks) {
      const answer = await send(attack.authorization);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const wrong = refusalProblem(answer, attack, options.domain, operation.scope);
      if (wrong) mismatches.push(`${operation.method} ${operation.path}, ${attack.name}: ${wrong}`);
    }
    const control = await send(`Bearer ${options.issuer.sign({ scopes: [operation.scope], audience: options.domain })}`);
    if (control.status === 401 || control.status === 403 || control.status >= 500)
      mismatches.push(`${operation.method} ${operation.path} with a right token: ${control.status} ${control.body.slice(0, 200)}`);
  }
  return { operations, attacks: attackNames, requests, statuses, mismatches };
}

/** A documented path with every parameter filled in, e.g. `/orders/{id}` → `/orders/00000000-…`. */
export function concretePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, PATH_PARAMETER);
}

/** Every documented operation that is not public (public ones carry `security: []`). */
export function securedOperations(document: OpenApiDocument): SecuredOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation || (operation.security !== undefined && operation.security.length === 0)) return [];
      const scope = operation['x-required-scope'];
      if (!scope) throw new Error(`${method.toUpperCase()} ${path} needs a token but documents no x-required-scope`);
      return [{ method: method.toUpperCase(), path, scope, hasBody: operation.requestBody !== undefined }];
    }),
  );
}

/** Undefined when `answer` is the refusal `attack` expects; otherwise what is wrong with it. */
function refusalProblem(answer: AttackAnswer, attack: TokenAttack, realm: string, scope: string): string | undefined {
  if (answer.status !== attack.expected) return `expected ${attack.expected}, got ${answer.status} ${answer.body.slice(0, 200)}`;
  const challenge = answer.headers['www-authenticate'] ?? '';
  if (!challenge.startsWith(`Bearer realm="${realm}"`)) return `WWW-Authenticate is ${JSON.stringify(challenge)}`;
  const namesScope = challenge.includes('error="insufficient_scope"') && challenge.includes(`scope="${scope}"`);
  if (attack.expected === 403 && !namesScope)
    return `WWW-Authenticate names no insufficient scope: ${challenge}`;
  try {
    const body = JSON.parse(answer.body) as { statusCode?: unknown; message?: unknown };
    if (body.statusCode === attack.expected && typeof body.message === 'string' && body.message !== '') return undefined;
  } catch {
    // not JSON: reported below
  }
  return `no error body: ${answer.body.slice(0, 200)}`;
}
