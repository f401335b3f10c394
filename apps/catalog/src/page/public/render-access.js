// Access as a workflow: a consumer declares an input port in its manifest, the ACL generator
// turns it into a Redis grant, the operator loads it. This section shows each step for one
// product and flags where the broker's ACL and the manifests disagree.

import { el } from './dom.js';

export function renderAccess(report, productName) {
  const access = report.products.find((candidate) => candidate.product === productName);
  if (!access) return el('p', { class: 'muted' }, 'No access information.');
  const findings = report.findings.filter(
    (finding) => finding.subject === access.domain || access.publishes.some((port) => port.stream === finding.stream),
  );
  return el(
    'section',
    { class: 'access', 'data-testid': 'product-access' },
    el('h3', {}, 'Access'),
    el('p', { 'data-testid': 'acl-state', 'data-state': report.acl.state }, aclState(report.acl)),
    el(
      'p',
      {},
      'API: GET needs scope ',
      el('code', { 'data-testid': 'scope-read' }, access.apiScopes.read),
      ', anything else ',
      el('code', { 'data-testid': 'scope-write' }, access.apiScopes.write),
      ` (a token for audience ${access.domain}). Event bus: Redis user `,
      el('code', {}, access.redisUser),
      '.',
    ),
    el('h4', {}, 'Who reads its streams'),
    access.consumers.length === 0
      ? el('p', { class: 'muted' }, 'No product declares an input on its streams.')
      : el(
          'ul',
          { class: 'grants' },
          access.consumers.map((consumer) =>
            grantItem(
              { 'data-testid': 'access-consumer', 'data-domain': consumer.domain, 'data-stream': consumer.stream },
              [el('strong', {}, consumer.domain), ' reads ', el('code', {}, consumer.key), ' as group ', el('code', {}, consumer.group)],
              consumer.granted,
            ),
          ),
        ),
    el('h4', {}, 'What it reads'),
    access.reads.length === 0
      ? el('p', { class: 'muted' }, 'It declares no input.')
      : el(
          'ul',
          { class: 'grants' },
          access.reads.map((input) =>
            grantItem(
              { 'data-testid': 'access-read', 'data-stream': input.stream },
              ['reads ', el('code', {}, input.key), ' of ', el('strong', {}, input.from), ' as group ', el('code', {}, input.group)],
              input.granted,
            ),
          ),
        ),
    findings.length === 0
      ? null
      : el(
          'ul',
          { class: 'findings', 'data-testid': 'access-findings' },
          findings.map((finding) =>
            el('li', { class: 'error', 'data-testid': 'access-finding', 'data-kind': finding.kind, 'data-stream': finding.stream ?? '' }, finding.message),
          ),
        ),
  );
}

function grantItem(attributes, content, granted) {
  const state = granted === null ? 'unknown' : granted ? 'granted' : 'not-granted';
  const words = { unknown: 'broker ACL not known', granted: 'granted by the broker', 'not-granted': 'NOT granted by the broker' };
  return el(
    'li',
    { ...attributes, class: `grant ${state}`, 'data-granted': state },
    content,
    ' — ',
    el('span', { class: state === 'not-granted' ? 'broken' : state === 'granted' ? 'kept' : 'unknown' }, words[state]),
  );
}

function aclState(acl) {
  if (acl.state === 'read') return `Compared with the broker's ACL file ${acl.source} (users: ${acl.users.join(', ')}).`;
  if (acl.state === 'unreadable') return `The broker's ACL file ${acl.source} could not be read: ${acl.error}.`;
  return "The catalog is not given the broker's ACL file (CATALOG_REDIS_ACL_FILE): what follows is what the manifests declare.";
}
