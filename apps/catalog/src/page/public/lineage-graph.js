// The lineage graph as SVG: a box per domain, an arrow per input port (producer → consumer)
// labelled with the stream, coloured by the consumer's service levels for it. The mesh is a few
// domains, so a hand layout does: the nodes on an ellipse, edges as curves that bend to their
// right, which keeps the two directions between a pair of domains apart.

import { figure, svg } from './dom.js';

const WIDTH = 760;
const HEIGHT = 420;
const NODE_WIDTH = 180;
const NODE_HEIGHT = 54;
const MARGIN = 24;
const ARROW_GAP = 4;

export function renderLineageGraph(lineage) {
  const centres = layout(lineage.nodes);
  return svg(
    'svg',
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-label': `Lineage of ${lineage.nodes.length} data products`,
      'data-testid': 'lineage-graph',
      class: 'lineage',
    },
    svg('defs', {}, ['kept', 'broken', 'unknown'].map(arrowMarker)),
    edgesWithBends(lineage.edges).map(({ edge, bend }) => renderEdge(edge, bend, centres)),
    lineage.nodes.map((node) => renderNode(node, centres.get(node.id))),
  );
}

// On a circle, then stretched to fill the box: three domains make a triangle as tall as the box.
function layout(nodes) {
  const points = nodes.map((_, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / nodes.length;
    return { x: Math.cos(angle), y: Math.sin(angle) };
  });
  const fit = (values, size, nodeSize) => {
    const [low, high] = [Math.min(...values), Math.max(...values)];
    const room = size - nodeSize - 2 * MARGIN;
    return (value) => (high - low < 1e-9 ? size / 2 : MARGIN + nodeSize / 2 + ((value - low) / (high - low)) * room);
  };
  const x = fit(
    points.map((point) => point.x),
    WIDTH,
    NODE_WIDTH,
  );
  const y = fit(
    points.map((point) => point.y),
    HEIGHT,
    NODE_HEIGHT,
  );
  return new Map(nodes.map((node, index) => [node.id, { x: x(points[index].x), y: y(points[index].y) }]));
}

// Edges between the same two domains in the same direction bend further each, so none overlap.
function edgesWithBends(edges) {
  const seen = new Map();
  return edges.map((edge) => {
    const key = `${edge.from}\u0000${edge.to}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return { edge, bend: 36 + 30 * index };
  });
}

function renderEdge(edge, bend, centres) {
  const from = centres.get(edge.from);
  const to = centres.get(edge.to);
  if (!from || !to) return null;
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const normal = { x: -(to.y - from.y) / length, y: (to.x - from.x) / length };
  const control = { x: (from.x + to.x) / 2 + normal.x * bend * 2, y: (from.y + to.y) / 2 + normal.y * bend * 2 };
  const start = boxBorder(from, control, 0);
  const end = boxBorder(to, control, ARROW_GAP);
  // The label sits beside the curve's middle, on its outer side, growing away from the curve.
  const middle = {
    x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
    y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
  };
  const label = { x: middle.x + normal.x * 8, y: middle.y + normal.y * 8 };
  const anchor = Math.abs(normal.x) < 0.3 ? 'middle' : normal.x > 0 ? 'start' : 'end';
  const figures = `lag ${figure(edge.lag)} · pending ${figure(edge.pending)} · dead ${figure(edge.deadLetters)}`;
  return svg(
    'g',
    {
      class: `edge ${edge.health}`,
      'data-testid': 'lineage-edge',
      'data-from': edge.from,
      'data-to': edge.to,
      'data-stream': edge.stream,
      'data-group': edge.group,
      'data-health': edge.health,
    },
    svg(
      'title',
      {},
      `${edge.from} → ${edge.to}: ${edge.stream} (group ${edge.group}); ${figures}; service levels ${edge.health}`,
    ),
    svg('path', {
      d: `M ${round(start.x)} ${round(start.y)} Q ${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`,
      'marker-end': `url(#arrow-${edge.health})`,
    }),
    svg(
      'text',
      { x: round(label.x), y: round(label.y), 'text-anchor': anchor, 'data-testid': 'lineage-edge-label' },
      svg('tspan', { x: round(label.x), dy: '-0.2em' }, edge.stream),
      svg(
        'tspan',
        { x: round(label.x), dy: '1.2em', class: 'edge-figures', 'data-testid': 'lineage-edge-figures' },
        `lag ${figure(edge.lag)}`,
      ),
    ),
  );
}

/** Where the ray from a box's centre towards `target` leaves the box, `gap` further out. */
function boxBorder(centre, target, gap) {
  const dx = target.x - centre.x;
  const dy = target.y - centre.y;
  const length = Math.hypot(dx, dy) || 1;
  const scale = Math.min((NODE_WIDTH / 2 + gap) / Math.abs(dx || 1e-9), (NODE_HEIGHT / 2 + gap) / Math.abs(dy || 1e-9));
  const distance = Math.min(scale * length, length);
  return { x: centre.x + (dx / length) * distance, y: centre.y + (dy / length) * distance };
}

function renderNode(node, centre) {
  const x = centre.x - NODE_WIDTH / 2;
  const y = centre.y - NODE_HEIGHT / 2;
  return svg(
    'g',
    { class: `node ${node.state}`, 'data-testid': 'lineage-node', 'data-node': node.id, 'data-state': node.state },
    svg(
      'title',
      {},
      node.state === 'listed'
        ? `${node.title} (${node.id}), owned by ${node.ownerTeam}`
        : `${node.id}: named as a producer, not in the catalog`,
    ),
    svg('rect', { x: round(x), y: round(y), width: NODE_WIDTH, height: NODE_HEIGHT, rx: 8 }),
    svg(
      'text',
      { x: round(centre.x), y: round(centre.y - 4), 'text-anchor': 'middle', class: 'node-title' },
      clip(node.title, 20),
    ),
    svg(
      'text',
      { x: round(centre.x), y: round(centre.y + 15), 'text-anchor': 'middle', class: 'node-owner' },
      node.state === 'listed' ? clip(node.ownerTeam, 26) : 'not in the catalog',
    ),
  );
}

function arrowMarker(health) {
  return svg(
    'marker',
    {
      id: `arrow-${health}`,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 8,
      markerHeight: 8,
      orient: 'auto-start-reverse',
    },
    svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrow ${health}` }),
  );
}

/** Text cut to fit a box; the node's title element keeps it whole. */
function clip(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function round(value) {
  return Math.round(value * 10) / 10;
}
