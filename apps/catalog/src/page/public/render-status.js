// What a product measured when the catalog last asked: outbox, freshness, service levels,
// stream lengths and each input's lag, pending and dead letters.

import { age, el, figure } from './dom.js';

export function renderProductStatus(manifest, status) {
  return el(
    'section',
    { class: 'status', 'data-testid': 'product-status' },
    el('h4', {}, 'Live status'),
    el(
      'dl',
      {},
      el('dt', {}, 'Outbox backlog'),
      el('dd', { 'data-testid': 'outbox-backlog' }, figure(status.outbox.backlog), problem(status.outbox.error)),
      el('dt', {}, 'Oldest unpublished'),
      el('dd', { 'data-testid': 'outbox-oldest-age' }, age(status.outbox.oldestAgeSeconds)),
      el('dt', {}, 'Freshness (behind inputs)'),
      el('dd', { 'data-testid': 'freshness' }, freshness(manifest, status)),
      el('dt', {}, 'Availability promised'),
      el('dd', {}, String(manifest.serviceLevels.availability ?? '—')),
      el('dt', {}, 'Measured at'),
      el('dd', { 'data-testid': 'measured-at' }, new Date(status.measuredAt).toLocaleTimeString()),
    ),
    serviceLevels(status.serviceLevels),
  );
}

// Freshness is how far the domain's data lags behind its inputs: 0 is caught up.
function freshness(manifest, status) {
  if (manifest.inputPorts.length === 0) return 'no inputs';
  if (status.freshnessSeconds === 0) return 'caught up';
  return age(status.freshnessSeconds);
}

/** A part the domain could not measure says why. */
function problem(error) {
  return error ? el('span', { class: 'error', 'data-testid': 'status-error' }, ` (${error})`) : null;
}

function serviceLevels(checks) {
  if (checks.length === 0) return el('p', { class: 'muted' }, 'No service level measured.');
  return el(
    'ul',
    { class: 'service-levels' },
    checks.map((check) =>
      el(
        'li',
        {
          class: check.kept ? 'kept' : 'broken',
          'data-testid': 'service-level',
          'data-name': check.name,
          'data-kept': String(check.kept),
        },
        el('span', { class: 'dot', 'aria-hidden': 'true' }),
        el('strong', {}, check.kept ? 'kept' : 'broken'),
        ` ${check.name}: ${check.measured}; promised ${check.objective}`,
      ),
    ),
  );
}

export function renderStreamLength(status, stream) {
  const output = status.outputs.find((candidate) => candidate.stream === stream);
  return el(
    'span',
    { class: 'figure' },
    'length ',
    el('span', { 'data-testid': 'stream-length', 'data-stream': stream }, figure(output?.length)),
    problem(output?.error),
  );
}

export function renderInputStatus(status, port) {
  const input = status.inputs.find((candidate) => candidate.stream === port.stream && candidate.group === port.group);
  const cell = (testid, value, bad) =>
    el(
      'span',
      { class: bad ? 'figure bad' : 'figure', 'data-testid': testid, 'data-stream': port.stream },
      figure(value),
    );
  return el(
    'p',
    { class: 'input-status' },
    'lag ',
    cell('input-lag', input?.lag, false),
    ' · pending ',
    cell('input-pending', input?.pending, false),
    ' · dead letters ',
    cell('input-dead-letters', input?.deadLetters, (input?.deadLetters ?? 0) > 0),
    ' · lost to the cap ',
    cell('input-lost', input?.lostToCap, (input?.lostToCap ?? 0) > 0),
    ' · behind ',
    el(
      'span',
      { class: 'figure', 'data-testid': 'input-behind', 'data-stream': port.stream },
      age(input?.behindSeconds),
    ),
    problem(input?.error),
  );
}
