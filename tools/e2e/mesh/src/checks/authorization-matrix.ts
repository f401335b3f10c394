import { attackService, fetchFrom, type TestIssuer } from '@mesh/service/testing';

import { type DomainName, DOMAINS } from '../../../kit/src/api/domain-apis';

export interface MatrixFigures {
  readonly failures: string[];
  /** e.g. `orders 5 routes × 15`. */
  readonly summary: string;
}

/**
 * The attack suite's authorization matrix (the same as each domain's attacks.int-spec) against
 * the running processes: here the key set comes over HTTP (AUTH_JWKS_URL), so a `kid` not in it
 * makes each service fetch the set again and still refuse. No flood: every client here is 127.0.0.1.
 */
export async function checkAuthorizationMatrix(
  issuer: TestIssuer,
  portOf: (domain: DomainName) => number,
): Promise<MatrixFigures> {
  const failures: string[] = [];
  const parts: string[] = [];
  for (const domain of DOMAINS) {
    const report = await attackService({
      domain,
      issuer,
      otherDomains: DOMAINS.filter((other) => other !== domain),
      send: fetchFrom(`http://127.0.0.1:${portOf(domain)}`),
    });
    parts.push(`${domain} ${report.operations.length} routes × ${report.attacks.length} attacks`);
    if (report.operations.length === 0) failures.push(`${domain}: /docs-json documents no route that needs a token`);
    failures.push(...report.mismatches.map((mismatch) => `authorization matrix, ${domain}: ${mismatch}`));
  }
  return { failures, summary: parts.join(', ') };
}
