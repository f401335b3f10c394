import type { TestIssuer } from '../test-issuer';
import { type AttackReport,attackService } from './attack-service';
import type { SendRequest } from './http-sender';

/** A service started for the attack suite, reached in process. */
export interface AttackedService {
  readonly send: SendRequest;
  close(): Promise<void>;
}

export interface DescribeAttacksOptions {
  readonly domain: string;
  readonly issuer: TestIssuer;
  readonly otherDomains: readonly string[];
  /** Starts the service with these variables added (a low rate limit). */
  readonly start: (env: Record<string, string>) => Promise<AttackedService>;
  /** Every operation the OpenAPI document must list, as `METHOD /path scope`, in any order. */
  readonly operations: readonly string[];
}

// Low enough to flood in a moment, high enough for the matrix's requests from one address.
const RATE_LIMIT_MAX = 200;

/**
 * The attack suite as a domain's test file runs it (`src/attacks.int-spec.ts`): starts the service
 * with a low rate limit, runs `attackService`, and holds the report to the domain's operations.
 */
export function describeAttacks(options: DescribeAttacksOptions): void {
  let service: AttackedService | undefined;
  let report: AttackReport;

  beforeAll(async () => {
    service = await options.start({ RATE_LIMIT_MAX: String(RATE_LIMIT_MAX), RATE_LIMIT_WINDOW_MS: '600000' });
    report = await attackService({ ...options, send: service.send, rateLimit: RATE_LIMIT_MAX });
  }, 60_000);

  afterAll(() => service?.close());

  describe(`${options.domain} under attack (the authorization matrix of its OpenAPI document, and floods)`, () => {
    it('attacks every documented operation', () => {
      const attacked = report.operations.map((operation) => `${operation.method} ${operation.path} ${operation.scope}`);
      expect(attacked.sort()).toEqual([...options.operations].sort());
      expect(report.requests).toBe(report.operations.length * (report.attacks.length + 1));
    });

    it('refuses each forged, expired, misaddressed or under-scoped token with its 401 or 403, and lets a right one in', () => {
      expect(report.mismatches).toEqual([]);
    });

    it('answers a flooding client 429 with Retry-After once it sent RATE_LIMIT_MAX requests, with a token or without', () => {
      expect(report.floods).toEqual([
        { client: 'a client with a token', answeredBeforeRefusal: RATE_LIMIT_MAX },
        { client: 'a client without one', answeredBeforeRefusal: RATE_LIMIT_MAX },
      ]);
    });
  });
}
