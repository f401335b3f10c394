// The catalog page: reads /api/products and /api/lineage, draws them, and reads them again every
// few seconds, so the live figures move without a reload.

import { el } from './dom.js';
import { renderLineageGraph } from './lineage-graph.js';
import { renderProducts } from './render-products.js';

const REFRESH_MS = 3000;
let refreshes = 0;

async function readJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

function replace(id, content) {
  document.getElementById(id).replaceChildren(content);
}

async function refresh() {
  const problem = document.getElementById('catalog-error');
  try {
    const [snapshot, lineage] = await Promise.all([readJson('/api/products'), readJson('/api/lineage')]);
    replace('lineage', renderLineageGraph(lineage));
    replace('products', renderProducts(snapshot.products, lineage.streams));
    const available = snapshot.products.filter((entry) => entry.state === 'available').length;
    replace('summary', el('span', {}, `${available} of ${snapshot.products.length} products answered`));
    refreshes += 1;
    const stamp = document.getElementById('last-refresh');
    stamp.textContent = `updated ${new Date(snapshot.readAt).toLocaleTimeString()}`;
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

document.addEventListener('visibilitychange', () => {
  if (!document.hidden) void refresh();
});

void loop();
