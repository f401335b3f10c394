// The search box: asks /api/search as the words are typed and lists what it found, each a link
// to the page of its product or event type.

import { el } from './dom.js';

const DELAY_MS = 150;
const KIND_NAMES = { product: 'product', owner: 'owner', stream: 'stream', 'event-type': 'event type', field: 'field' };

export function wireSearch(input, results, readJson) {
  let timer;
  let asked = 0;
  const search = async () => {
    const query = input.value.trim();
    const ticket = ++asked;
    if (!query) {
      results.replaceChildren();
      results.hidden = true;
      return;
    }
    const answer = await readJson(`/api/search?q=${encodeURIComponent(query)}`);
    if (ticket !== asked) return; // a later keystroke asked again
    results.replaceChildren(renderHits(answer));
    results.hidden = false;
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search().catch(() => undefined), DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const first = results.querySelector('a');
    if (first) location.hash = new URL(first.href).hash;
  });
  window.addEventListener('hashchange', () => {
    results.hidden = true;
  });
}

function renderHits(answer) {
  if (answer.hits.length === 0) return el('p', { class: 'muted', 'data-testid': 'search-empty' }, `Nothing matches “${answer.query}”.`);
  return el(
    'ul',
    { class: 'search-hits', 'data-testid': 'search-hits' },
    answer.hits.map((hit) =>
      el(
        'li',
        { 'data-testid': 'search-hit', 'data-kind': hit.kind, 'data-product': hit.product, 'data-label': hit.label },
        el('span', { class: 'badge' }, KIND_NAMES[hit.kind] ?? hit.kind),
        ' ',
        el('a', { href: hit.href }, hit.label),
        el('span', { class: 'muted' }, ` — ${hit.detail}`),
      ),
    ),
  );
}
