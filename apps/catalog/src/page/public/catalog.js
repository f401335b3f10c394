// The catalog page. Three views, chosen by the URL's fragment so that moving between them never
// reloads the page: the overview (/#/: lineage and product cards), a product (/#/products/<name>)
// and an event type (/#/events/<type>). Each reads the catalog's API again every few seconds.

import { el } from './dom.js';
import { renderEventView } from './event-view.js';
import { renderLineageGraph } from './lineage-graph.js';
import { renderProductView } from './product-view.js';
import { renderAccess } from './render-access.js';
import { renderProducts } from './render-products.js';
import { renderSamples } from './render-samples.js';
import { wireSearch } from './search.js';

const REFRESH_MS = 3000;
const SAMPLES_MS = 2000;
const SAMPLE_COUNT = 5;
let refreshes = 0;
/** What the detail view shows now, so that a refresh of another view's answer is dropped. */
let shown = '';

async function readJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

function replace(id, content) {
  document.getElementById(id).replaceChildren(content);
}

/** `{ view: 'overview' }`, `{ view: 'product', name }` or `{ view: 'event', type }`. */
function route() {
  const [, kind, value] = location.hash.match(/^#\/(products|events)\/(.+)$/) ?? [];
  if (kind === 'products') return { view: 'product', name: decodeURIComponent(value) };
  if (kind === 'events') return { view: 'event', type: decodeURIComponent(value) };
  return { view: 'overview' };
}

async function refreshOverview() {
  const [snapshot, lineage] = await Promise.all([readJson('/api/products'), readJson('/api/lineage')]);
  replace('lineage', renderLineageGraph(lineage));
  replace('products', renderProducts(snapshot.products, lineage.streams));
  const available = snapshot.products.filter((entry) => entry.state === 'available').length;
  replace('summary', el('span', {}, `${available} of ${snapshot.products.length} products answered`));
  return snapshot.readAt;
}

async function showDetail(current) {
  const key = JSON.stringify(current);
  if (current.view === 'product') {
    const detail = await readJson(`/api/products/${encodeURIComponent(current.name)}`);
    if (shown !== key) replace('detail', renderProductView(detail, location.origin));
    shown = key;
    await refreshAccess(current.name);
    return detail.readAt;
  }
  const view = await readJson(`/api/event-types/${encodeURIComponent(current.type)}`);
  if (shown !== key) replace('detail', renderEventView(view));
  shown = key;
  return view.readAt;
}

async function refreshAccess(name) {
  const slot = document.querySelector('#detail [data-slot="access"]');
  if (!slot) return;
  slot.replaceChildren(renderAccess(await readJson('/api/access'), name));
}

async function refreshSamples() {
  const slots = [...document.querySelectorAll('#detail [data-slot="samples"]')];
  await Promise.all(
    slots.map(async (slot) => {
      const answer = await readJson(`/api/streams/${encodeURIComponent(slot.dataset.stream)}/samples?count=${SAMPLE_COUNT}`);
      const type = slot.dataset.type;
      slot.replaceChildren(renderSamples(type ? { ...answer, samples: answer.samples.filter((sample) => sample.type === type) } : answer));
    }),
  );
}

async function refresh() {
  const problem = document.getElementById('catalog-error');
  const current = route();
  document.getElementById('overview').hidden = current.view !== 'overview';
  document.getElementById('detail').hidden = current.view === 'overview';
  try {
    const readAt = current.view === 'overview' ? await refreshOverview() : await showDetail(current);
    refreshes += 1;
    const stamp = document.getElementById('last-refresh');
    stamp.textContent = `updated ${new Date(readAt).toLocaleTimeString()}`;
    stamp.dataset.refreshes = String(refreshes);
    problem.hidden = true;
  } catch (error) {
    problem.textContent = `The catalog could not be read: ${error instanceof Error ? error.message : String(error)}. Retrying…`;
    problem.hidden = false;
  }
}

async function loop() {
  if (!document.hidden) await refresh();
  setTimeout(loop, REFRESH_MS);
}

async function samplesLoop() {
  if (!document.hidden) await refreshSamples().catch(() => undefined);
  setTimeout(samplesLoop, SAMPLES_MS);
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden) void refresh();
});
window.addEventListener('hashchange', () => {
  shown = '';
  window.scrollTo(0, 0);
  void refresh().then(refreshSamples);
});

wireSearch(document.getElementById('search'), document.getElementById('search-results'), readJson);
void loop();
void samplesLoop();
