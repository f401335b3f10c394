// The newest events of a stream, as the catalog's API gives them: classified fields already
// masked by the server, so the page only shows what it is sent.

import { el, figure } from './dom.js';

export function renderSamples(answer) {
  const body = answer.error
    ? el('p', { class: 'error', 'data-testid': 'samples-error' }, answer.error)
    : answer.samples.length === 0
      ? el('p', { class: 'muted', 'data-testid': 'samples-empty' }, 'No event on the stream yet.')
      : el('ol', { class: 'samples' }, answer.samples.map(renderSample));
  return el(
    'div',
    { 'data-testid': 'samples', 'data-stream': answer.stream, 'data-count': String(answer.samples.length) },
    el(
      'p',
      { class: 'muted' },
      `The newest ${figure(answer.count)} entries of `,
      el('code', {}, answer.key),
      ` (XREVRANGE, no consumer group), read ${new Date(answer.readAt).toLocaleTimeString()}; classified fields are masked by the catalog.`,
    ),
    body,
  );
}

function renderSample(sample) {
  return el(
    'li',
    { class: 'sample', 'data-testid': 'sample', 'data-entry-id': sample.entryId, 'data-event-id': sample.id ?? '', 'data-type': sample.type ?? '' },
    el(
      'p',
      {},
      el('code', { 'data-testid': 'sample-type' }, sample.type ?? 'unreadable entry'),
      ` · ${sample.time ? new Date(sample.time).toLocaleString() : sample.entryId} · subject `,
      el('code', {}, sample.subject ?? '—'),
      sample.masked.length > 0 ? [' ', el('span', { class: 'badge pii', 'data-testid': 'sample-masked' }, `${sample.masked.length} masked`)] : null,
    ),
    sample.withheld
      ? el('p', { class: 'warning', 'data-testid': 'sample-withheld' }, `Data not shown: ${sample.withheld}`)
      : el('pre', { class: 'sample-data', 'data-testid': 'sample-data' }, JSON.stringify(sample.data, null, 2)),
  );
}
