// A product's own page (/#/products/<name>): its streams with the schema table of each event, live
// samples, how to subscribe, what it reads, and its access.

import { el } from './dom.js';
import { renderSchemaTable } from './render-schema.js';
import { renderSnippets } from './render-snippets.js';

/** The page's structure; samples and access are filled in by `samplesSlot`/`accessSlot` as they refresh. */
export function renderProductView(detail, catalogOrigin) {
  const { manifest } = detail.product.document;
  return el(
    'article',
    { class: 'view product-view', 'data-testid': 'product-view', 'data-product': manifest.name },
    el('p', {}, el('a', { href: '/#/', 'data-testid': 'back-to-overview' }, '← all products')),
    el('h2', { 'data-testid': 'product-title' }, manifest.title),
    el('p', { class: 'muted' }, `${manifest.name} · v${manifest.version} · `, el('code', {}, detail.product.url)),
    el('p', { 'data-testid': 'product-description' }, manifest.description),
    el(
      'p',
      {},
      'Owner: ',
      el('strong', { 'data-testid': 'product-owner' }, manifest.owner.team),
      ' · ',
      el('span', { 'data-testid': 'product-contact' }, manifest.owner.contact),
    ),
    detail.streams.map((stream) => streamSection(detail, stream, catalogOrigin)),
    el('div', { 'data-slot': 'access' }),
  );
}

function streamSection(detail, stream, catalogOrigin) {
  const port = detail.product.document.manifest.outputPorts.streams.find((candidate) => candidate.stream === stream.stream);
  return el(
    'section',
    { class: 'stream-view', 'data-testid': 'stream-view', 'data-stream': stream.stream },
    el('h3', {}, 'Stream ', el('code', {}, stream.stream)),
    el('p', {}, 'Redis key ', el('code', { 'data-testid': 'stream-key' }, stream.key), ` — ${stream.description}`),
    stream.events.map((event) =>
      el(
        'div',
        { class: 'event-schema', 'data-testid': 'event-schema', 'data-type': event.type },
        el(
          'h4',
          {},
          el('a', { href: `/#/events/${encodeURIComponent(event.type)}`, 'data-testid': 'event-link' }, event.type),
          ` v${event.version}`,
        ),
        el('p', { class: 'muted' }, event.description, ' · schema ', el('code', {}, event.dataschema)),
        renderSchemaTable(event.fields, event),
      ),
    ),
    el('h4', {}, 'Live samples'),
    el('div', { 'data-slot': 'samples', 'data-stream': stream.stream }, el('p', { class: 'muted' }, 'Reading…')),
    el('h4', {}, 'Subscribe'),
    port ? renderSnippets(detail.product, { ...port, key: stream.key }, catalogOrigin) : null,
  );
}
