// An event type's page (/#/events/<type>): its producer, its version history, the schema table of
// each version, and who reads it.

import { el } from './dom.js';
import { renderSchemaTable } from './render-schema.js';

export function renderEventView(view) {
  const current = view.versions.find((version) => version.current);
  return el(
    'article',
    { class: 'view event-view', 'data-testid': 'event-view', 'data-type': view.type },
    el('p', {}, el('a', { href: '/#/', 'data-testid': 'back-to-overview' }, '← all products')),
    el('h2', { 'data-testid': 'event-title' }, view.type),
    el(
      'p',
      {},
      'Published by ',
      el('a', { href: `/#/products/${encodeURIComponent(view.producer.name)}`, 'data-testid': 'event-producer' }, view.producer.title),
      ` (${view.producer.ownerTeam}, ${view.producer.contact})`,
    ),
    el('h3', {}, 'Version history'),
    el(
      'table',
      { class: 'schema', 'data-testid': 'version-history' },
      el('thead', {}, el('tr', {}, ['Version', 'Stream', 'Schema id', 'Status'].map((name) => el('th', { scope: 'col' }, name)))),
      el(
        'tbody',
        {},
        view.versions.map((version) =>
          el(
            'tr',
            { 'data-testid': 'event-version', 'data-version': String(version.version), 'data-current': String(version.current) },
            el('td', {}, `v${version.version}`),
            el('td', {}, el('code', {}, version.stream)),
            el('td', {}, el('code', {}, version.dataschema)),
            el('td', {}, version.current ? 'current' : 'still published for consumers that have not moved'),
          ),
        ),
      ),
    ),
    el(
      'p',
      { class: 'muted' },
      'A breaking change ships as a new major version on a new stream; a version leaves this list when its producer retires it.',
    ),
    view.versions.map((version) =>
      el(
        'section',
        { 'data-testid': 'version-schema', 'data-version': String(version.version) },
        el('h3', {}, `v${version.version} schema`),
        el('p', { class: 'muted' }, version.description),
        renderSchemaTable(version.fields, version),
      ),
    ),
    el('h3', {}, 'Consumers'),
    view.consumers.length === 0
      ? el('p', { class: 'muted' }, 'No product declares it as an input.')
      : el(
          'ul',
          {},
          view.consumers.map((consumer) =>
            el('li', { 'data-testid': 'event-consumer', 'data-domain': consumer.domain }, el('strong', {}, consumer.domain), ' as group ', el('code', {}, consumer.group), ' on ', el('code', {}, consumer.stream)),
          ),
        ),
    el('h3', {}, 'Live samples'),
    current ? el('div', { 'data-slot': 'samples', 'data-stream': current.stream, 'data-type': view.type }) : null,
  );
}
