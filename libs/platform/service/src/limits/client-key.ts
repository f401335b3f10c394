import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';

import type { AccessToken } from '../auth/access-token';
import { bearerToken } from '../auth/bearer-token';

/** Checks a bearer token as the guard does: the subject of a token that does not verify is nobody's. */
export type TokenCheck = (token: string) => AccessToken | Promise<AccessToken>;

/** Tokens whose subject is remembered; a client sends the same token with every request until it expires. */
const REMEMBERED_TOKENS = 10_000;

/**
 * Who a request counts against: the subject (`sub`) of a token that verifies, else the address
 * the request came from (an IPv6 client by its /64, since it may hold the whole prefix).
 *
 * The count runs before the guard, so the token is checked here too: trusting an unchecked `sub`
 * would let a client name a new subject with each request and never be counted. Tokens that
 * verified are remembered until they expire, so a client's second request costs a map lookup,
 * not a signature check. A token that does not verify counts against its address, which is what
 * throttles a client trying tokens.
 */
export class ClientKeys {
  private readonly subjects = new Map<string, { readonly subject: string; readonly expiresAtMs: number }>();

  constructor(private readonly check: TokenCheck | undefined) {}

  async of(request: FastifyRequest): Promise<string> {
    const subject = await this.subjectOf(request.headers.authorization);
    return subject === undefined ? `ip:${normalizeIP(request.ip)}` : `sub:${subject}`;
  }

  private async subjectOf(authorization: string | undefined): Promise<string | undefined> {
    if (!this.check || authorization === undefined) return undefined;
    let token: string;
    try {
      token = bearerToken(authorization);
    } catch {
      return undefined;
    }
    const remembered = this.subjects.get(token);
    if (remembered && remembered.expiresAtMs > Date.now()) return remembered.subject;
    this.subjects.delete(token);
    let verified: AccessToken;
    try {
      verified = await this.check(token);
    } catch {
      return undefined;
    }
    if (verified.subject === undefined) return undefined;
    this.remember(token, verified.subject, verified.expiresAt.getTime());
    return verified.subject;
  }

  private remember(token: string, subject: string, expiresAtMs: number): void {
    // A Map iterates in insertion order: the first key is the oldest.
    if (this.subjects.size >= REMEMBERED_TOKENS) {
      const oldest = this.subjects.keys().next().value;
      if (oldest !== undefined) this.subjects.delete(oldest);
    }
    this.subjects.set(token, { subject, expiresAtMs });
  }
}
