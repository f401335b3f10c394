import type { DataProductManifest } from '@mesh/contract-kit';

import { CATALOG_USER, OPERATOR_USER } from './redis-access';

/** Letters, digits and `.-_:` only: no space, no glob character that would widen a key pattern. */
const safeName = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const reservedUsers = new Set(['default', OPERATOR_USER, CATALOG_USER, 'mesh-admin']);

/**
 * What would make the generated ACL wrong rather than merely strict: a name that is not a
 * plain key fragment, a user name Redis or the mesh already uses, one domain's groups or key
 * prefix falling under another's patterns. Returns every problem found.
 */
export function findAclProblems(manifests: readonly DataProductManifest[]): string[] {
  const problems: string[] = [];
  const domains = new Set<string>();
  for (const { domain, outputPorts, inputPorts, redisKeyPrefixes } of manifests) {
    if (domains.has(domain)) problems.push(`domain ${domain} is listed twice`);
    domains.add(domain);
    if (reservedUsers.has(domain))
      problems.push(`domain ${domain} would take the reserved Redis user name "${domain}"`);
    for (const { stream } of [...outputPorts.streams, ...inputPorts]) {
      if (!safeName.test(stream))
        problems.push(`${domain}: stream "${stream}" is not a plain name (letters, digits, . - _ :)`);
    }
    for (const { group } of inputPorts) {
      if (!safeName.test(group))
        problems.push(`${domain}: group "${group}" is not a plain name (letters, digits, . - _ :)`);
    }
    for (const prefix of redisKeyPrefixes) {
      if (!safeName.test(prefix))
        problems.push(`${domain}: key prefix "${prefix}" is not a plain name (letters, digits, . - _ :)`);
    }
  }
  return [...problems, ...overlappingGroups(manifests), ...overlappingPrefixes(manifests)];
}

/** `analytics` owns `analytics-*` on its input streams: no other domain's group may match that. */
function overlappingGroups(manifests: readonly DataProductManifest[]): string[] {
  const groups = manifests.flatMap(({ domain, inputPorts }) =>
    inputPorts.map(({ stream, group }) => ({ domain, stream, group })),
  );
  return groups.flatMap((owner) =>
    groups
      .filter((other) => other.domain !== owner.domain && other.stream === owner.stream)
      .filter((other) => other.group === owner.group || other.group.startsWith(`${owner.group}-`))
      .map(
        (other) =>
          `group "${other.group}" of ${other.domain} on ${other.stream} falls under the groups of ${owner.domain} ("${owner.group}", "${owner.group}-*"): rename one`,
      ),
  );
}

function overlappingPrefixes(manifests: readonly DataProductManifest[]): string[] {
  const prefixes = manifests.flatMap(({ domain, redisKeyPrefixes }) =>
    redisKeyPrefixes.map((prefix) => ({ domain, prefix })),
  );
  return prefixes.flatMap((owner) =>
    prefixes
      .filter((other) => other.domain !== owner.domain && other.prefix.startsWith(owner.prefix))
      .map(
        (other) => `key prefix "${other.prefix}" of ${other.domain} falls under "${owner.prefix}" of ${owner.domain}`,
      ),
  );
}
