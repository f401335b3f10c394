// One card per configured product: what its manifest promises (owner, ports, schemas, consumers,
// classified fields) next to what it measured now (render-status.js).

import { el, figure, safeLink } from './dom.js';
import { productHealth, renderQuality } from './render-quality.js';
import { renderInputStatus, renderProductStatus, renderStreamLength } from './render-status.js';

/** The product cards, in configuration order; `streams` comes from /api/lineage. */
export function renderProducts(products, streams) {
  return el(
    'div',
    { class: 'products', 'data-testid': 'product-list' },
    products.map((entry) => (entry.state === 'available' ? productCard(entry, streams) : unavailableCard(entry))),
  );
}

function productCard(entry, streams) {
  const { manifest, status } = entry.document;
  // A product that breaks a promise (a service level or a data-quality rule) is drawn red.
  const health = productHealth(status);
  return el(
    'article',
    { class: `product promise-${health}`, 'data-testid': 'product-card', 'data-product': manifest.name, 'data-health': health },
    el(
      'header',
      {},
      el('h3', { 'data-testid': 'product-title' }, manifest.title),
      el('span', { class: 'muted' }, ` ${manifest.name} · v${manifest.version} · `, el('code', {}, entry.url)),
      el('span', { class: `health ${health}`, 'data-testid': 'product-health' }, ` ${healthWords[health]}`),
    ),
    el('p', { 'data-testid': 'product-description' }, manifest.description),
    el(
      'p',
      {},
      el(
        'a',
        { href: `/#/products/${encodeURIComponent(manifest.name)}`, 'data-testid': 'product-link' },
        'Schemas, live samples, subscribing and access →',
      ),
    ),
    el(
      'p',
      { class: 'owner' },
      'Owner: ',
      el('strong', { 'data-testid': 'product-owner' }, manifest.owner.team),
      ' · ',
      el('span', { 'data-testid': 'product-contact' }, manifest.owner.contact),
    ),
    renderProductStatus(manifest, status),
    renderQuality(manifest, status),
    outputPorts(entry, streams),
    inputPorts(manifest, status),
    classifiedFields(manifest),
  );
}

const healthWords = { kept: 'every promise kept', broken: 'a promise broken', unknown: 'nothing measured' };

function outputPorts(entry, streams) {
  const { manifest, status } = entry.document;
  const api = manifest.outputPorts.api;
  const link = safeLink(entry.url, api.openApiPath);
  return el(
    'section',
    { 'data-testid': 'output-ports' },
    el('h4', {}, 'Output ports'),
    el(
      'p',
      { 'data-testid': 'output-api' },
      'API: ',
      api.description,
      ' ',
      link
        ? el('a', { href: link, 'data-testid': 'output-api-link', rel: 'noreferrer' }, `OpenAPI ${api.openApiPath}`)
        : el('span', { class: 'warning' }, `OpenAPI path ${api.openApiPath} is not a path on ${entry.url}`),
    ),
    manifest.outputPorts.streams.map((port) =>
      el(
        'div',
        { class: 'stream', 'data-testid': 'output-stream', 'data-stream': port.stream },
        el(
          'p',
          {},
          el('code', { class: 'stream-name' }, port.stream),
          ' ',
          streamKey(port),
          replayOf(port),
          renderStreamLength(status, port.stream),
          ' — ',
          port.description,
        ),
        el(
          'ul',
          { class: 'events' },
          port.events.map((event) =>
            el(
              'li',
              { 'data-testid': 'stream-event' },
              el(
                'a',
                { href: `/#/events/${encodeURIComponent(event.type)}` },
                el('code', { 'data-testid': 'stream-event-type' }, event.type),
              ),
              ` v${figure(event.version)} · schema `,
              el('code', { 'data-testid': 'stream-event-schema' }, event.dataschema),
              ` — ${event.description}`,
            ),
          ),
        ),
        consumersOf(streams.find((candidate) => candidate.stream === port.stream)),
      ),
    ),
  );
}

// The Redis key a consumer reads, which is not the stream's name: `{orders.order.v1}`. A manifest
// from before the contracts published keys has none, and then nothing is shown.
const KEY_NOTE =
  'The braces are a Redis Cluster hash tag that keeps the stream, its dead-letter and redrive streams on one slot.';

function streamKey(port) {
  if (typeof port.key !== 'string' || port.key === '') return null;
  return ['Redis key ', el('code', { 'data-testid': 'stream-key', title: KEY_NOTE }, port.key), ' · '];
}

/** The history the stream promises to keep, as its manifest declares it. */
function replayOf(port) {
  const replay = port.replay;
  if (!replay || typeof replay.windowHours !== 'number' || typeof replay.capHours !== 'number') return null;
  return [
    el(
      'span',
      {
        'data-testid': 'stream-replay',
        title: 'History always kept; past the cap, entries go even when a consumer group has not read them.',
      },
      `replay ${figure(replay.windowHours)} h, cap ${figure(replay.capHours)} h`,
    ),
    ' · ',
  ];
}

function consumersOf(stream) {
  const consumers = stream?.consumers ?? [];
  if (consumers.length === 0) return el('p', { class: 'muted', 'data-testid': 'stream-consumers' }, 'No consumer yet.');
  return el(
    'div',
    { 'data-testid': 'stream-consumers' },
    'Consumers:',
    el(
      'ul',
      { class: 'consumers' },
      consumers.map((consumer) =>
        el(
          'li',
          {
            class: consumer.declared ? 'consumer' : 'consumer undeclared',
            'data-testid': 'stream-consumer',
            'data-group': consumer.group,
            'data-declared': String(consumer.declared),
            'data-measured': String(consumer.measured),
          },
          el('strong', {}, consumer.domain ?? 'undeclared'),
          ' group ',
          el('code', {}, consumer.group),
          consumer.measured
            ? ` — lag ${figure(consumer.lag)}, pending ${figure(consumer.pending)}, ${figure(consumer.consumers)} consumer(s)`
            : ' — no group on the stream yet',
          lostToCap(consumer),
        ),
      ),
    ),
  );
}

/** A group that fell further behind than the stream's cap lost entries: said loudly, never hidden. */
function lostToCap(consumer) {
  if (!(consumer.lostToCap > 0)) return null;
  return el(
    'span',
    {
      class: 'figure bad',
      'data-testid': 'consumer-lost',
      title: "Trimmed past the stream's cap before the group read them",
    },
    ` — lost ${figure(consumer.lostToCap)} entries to the cap`,
  );
}

function inputPorts(manifest, status) {
  if (manifest.inputPorts.length === 0)
    return el(
      'section',
      { 'data-testid': 'input-ports' },
      el('h4', {}, 'Input ports'),
      el('p', { class: 'muted' }, 'None.'),
    );
  return el(
    'section',
    { 'data-testid': 'input-ports' },
    el('h4', {}, 'Input ports'),
    manifest.inputPorts.map((port) =>
      el(
        'div',
        { class: 'input', 'data-testid': 'input-port', 'data-stream': port.stream },
        el(
          'p',
          {},
          el('code', {}, port.stream),
          ' ',
          streamKey(port),
          'from ',
          el('strong', {}, port.from),
          ' as group ',
          el('code', {}, port.group),
          ` — ${port.description}`,
        ),
        el('p', { class: 'muted' }, `Handles ${port.eventTypes.join(', ')}`),
        renderInputStatus(status, port),
      ),
    ),
  );
}

function classifiedFields(manifest) {
  const fields = manifest.classifiedFields;
  return el(
    'section',
    { 'data-testid': 'classified-fields' },
    el('h4', {}, 'Classified fields'),
    fields.length === 0
      ? el('p', { class: 'muted' }, 'None.')
      : el(
          'ul',
          {},
          fields.map((field) =>
            el(
              'li',
              { 'data-testid': 'classified-field' },
              el('code', {}, field.path),
              ' ',
              el(
                'span',
                { class: `badge ${field.classification === 'pii' ? 'pii' : 'classified'}` },
                field.classification,
              ),
            ),
          ),
        ),
  );
}

function unavailableCard(entry) {
  return el(
    'article',
    {
      class: 'product unavailable',
      'data-testid': 'product-unavailable',
      'data-url': entry.url,
      'data-state': entry.state,
    },
    el('h3', {}, entry.state === 'unreachable' ? 'Unreachable product' : 'Unusable answer'),
    el('p', {}, el('code', { 'data-testid': 'unavailable-url' }, entry.documentUrl)),
    el('p', { class: 'error', 'data-testid': 'unavailable-error' }, entry.error),
    el('p', { class: 'muted' }, `Tried at ${new Date(entry.fetchedAt).toLocaleTimeString()} (${entry.durationMs} ms).`),
  );
}
