import { bearer, type TestIssuer } from '../../../kit/src/access-tokens';
import type { DomainName } from '../../../kit/src/api/domain-apis';

export const FUZZ_CATEGORIES = [
  'wrong types',
  'missing fields',
  'unknown fields',
  'values out of range',
  'huge payloads',
  'bad JSON',
  'bad ids',
  'bad query strings',
  'bad headers',
] as const;
export type FuzzCategory = (typeof FUZZ_CATEGORIES)[number];

/** One request that a domain must refuse with a 4xx: nothing about it is acceptable. */
export interface MalformedRequest {
  category: FuzzCategory;
  service: DomainName;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path and query, already encoded as they go on the wire. */
  path: string;
  headers: Record<string, string>;
  /** The body as sent; a function for payloads too large to keep thousands of in memory. */
  body?: string | (() => string);
}

/** What every generated request needs: a token that passes, and its issuer to make others that must not. */
export interface FuzzContext {
  token: string;
  issuer: TestIssuer;
}

/** Headers of a request that is fine apart from what the generator breaks. */
export function authorized(context: FuzzContext, json: boolean): Record<string, string> {
  return { authorization: bearer(context.token), ...(json ? { 'content-type': 'application/json' } : {}) };
}

/** `/orders/<id>` with the id encoded as a client would (a `/` stays part of the id). */
export function withId(prefix: string, id: string, suffix = ''): string {
  return `${prefix}/${encodeURIComponent(id)}${suffix}`;
}
