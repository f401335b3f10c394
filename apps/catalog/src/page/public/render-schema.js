// An event's schema as a table people can read: field, type, required, description, classification.

import { el } from './dom.js';

export function renderSchemaTable(fields, { schemaPublished = true } = {}) {
  if (!schemaPublished)
    return el('p', { class: 'muted', 'data-testid': 'schema-missing' }, "The producer's manifest carries no schema for this event yet.");
  if (fields.length === 0) return el('p', { class: 'muted', 'data-testid': 'schema-empty' }, 'No fields.');
  return el(
    'table',
    { class: 'schema', 'data-testid': 'schema-table' },
    el('thead', {}, el('tr', {}, ['Field', 'Type', 'Required', 'Description', 'Classification'].map((name) => el('th', { scope: 'col' }, name)))),
    el(
      'tbody',
      {},
      fields.map((field) =>
        el(
          'tr',
          { 'data-testid': 'schema-field', 'data-field': field.name, 'data-classification': field.classification ?? '' },
          el('td', {}, el('code', { 'data-testid': 'field-name' }, field.name)),
          el('td', { 'data-testid': 'field-type' }, field.type),
          el('td', { 'data-testid': 'field-required' }, field.required ? 'yes' : 'no'),
          el('td', { 'data-testid': 'field-description' }, field.description ?? '—'),
          el('td', { 'data-testid': 'field-classification' }, classificationBadge(field.classification)),
        ),
      ),
    ),
  );
}

export function classificationBadge(classification) {
  if (!classification) return '—';
  return el('span', { class: `badge ${classification === 'pii' ? 'pii' : 'classified'}` }, classification);
}
