import { duration, type ProductSignals, selector } from './product-signals';

/** The Grafana data source the panels query; provisioned with this uid (deploy/observability/grafana). */
export const PROMETHEUS_DATASOURCE = { type: 'prometheus', uid: 'prometheus' } as const;
/** The dashboard JSON model version these dashboards are written in (Grafana 11). */
export const DASHBOARD_SCHEMA_VERSION = 39;

export interface PanelTarget {
  refId: string;
  expr: string;
  legendFormat: string;
  datasource: typeof PROMETHEUS_DATASOURCE;
}

export interface Panel {
  id: number;
  type: 'timeseries' | 'row';
  title: string;
  description?: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: typeof PROMETHEUS_DATASOURCE;
  targets?: PanelTarget[];
  fieldConfig?: { defaults: Record<string, unknown>; overrides: unknown[] };
}

interface PanelSpec {
  title: string;
  description: string;
  unit: string;
  targets: Array<{ expr: string; legend: string }>;
  /** A red line at what the manifest promises. */
  threshold?: number;
}

const RATE = '5m';

/**
 * One Grafana dashboard per data product: RED metrics per route of its API, the lag of its
 * input groups and of the groups reading its streams, its outbox backlog, dead letters, input
 * progress (freshness) and retention. Lines at the manifest's thresholds.
 */
export function dashboard(signals: ProductSignals): Record<string, unknown> {
  const sections: Array<[string, PanelSpec[]]> = [
    ['API (rate, errors, duration per route)', apiPanels(signals)],
    ['Streams', streamPanels(signals)],
    ['Outbox and retention', outboxPanels(signals)],
  ];
  return {
    uid: `mesh-${signals.domain}`,
    title: `Data product: ${signals.title}`,
    description: `Generated from the ${signals.domain} data product's manifest; thresholds are its service levels.`,
    tags: ['mesh', 'data-product', signals.domain],
    schemaVersion: DASHBOARD_SCHEMA_VERSION,
    version: 1,
    editable: false,
    time: { from: 'now-6h', to: 'now' },
    refresh: '30s',
    timezone: 'utc',
    templating: { list: [] },
    annotations: { list: [] },
    panels: layout(sections),
  };
}

export function renderDashboard(signals: ProductSignals): string {
  return `${JSON.stringify(dashboard(signals), null, 2)}\n`;
}

function layout(sections: Array<[string, PanelSpec[]]>): Panel[] {
  const panels: Panel[] = [];
  let y = 0;
  for (const [title, specs] of sections) {
    panels.push({ id: panels.length + 1, type: 'row', title, gridPos: { x: 0, y, w: 24, h: 1 } });
    y += 1;
    specs.forEach((spec, index) => {
      const gridPos = { x: (index % 3) * 8, y: y + Math.floor(index / 3) * 8, w: 8, h: 8 };
      panels.push(timeseries(panels.length + 1, spec, gridPos));
    });
    y += Math.ceil(specs.length / 3) * 8;
  }
  return panels;
}

function timeseries(id: number, spec: PanelSpec, gridPos: Panel['gridPos']): Panel {
  const steps: Array<{ color: string; value: number | null }> = [{ color: 'green', value: null }];
  if (spec.threshold !== undefined) steps.push({ color: 'red', value: spec.threshold });
  return {
    id,
    type: 'timeseries',
    title: spec.title,
    description: spec.description,
    gridPos,
    datasource: PROMETHEUS_DATASOURCE,
    targets: spec.targets.map((target, index) => ({
      refId: String.fromCharCode(65 + index),
      expr: target.expr,
      legendFormat: target.legend,
      datasource: PROMETHEUS_DATASOURCE,
    })),
    fieldConfig: {
      defaults: {
        unit: spec.unit,
        thresholds: { mode: 'absolute', steps },
        custom: { thresholdsStyle: { mode: spec.threshold === undefined ? 'off' : 'line' } },
      },
      overrides: [],
    },
  };
}

function apiPanels({ job }: ProductSignals): PanelSpec[] {
  const requests = `http_requests_total${selector({ job })}`;
  const errors = `http_requests_total${selector({ job }, 'status_code=~"5.."')}`;
  const buckets = `http_request_duration_seconds_bucket${selector({ job })}`;
  return [
    {
      title: 'Requests per second by route',
      description: 'Rate of requests per route pattern and method, every task of the domain together.',
      unit: 'reqps',
      targets: [{ expr: `sum by (method, route) (rate(${requests}[${RATE}]))`, legend: '{{method}} {{route}}' }],
    },
    {
      title: 'Errors (5xx) per second by route',
      description: 'Answers with a 5xx status; these spend the availability budget.',
      unit: 'reqps',
      targets: [{ expr: `sum by (method, route) (rate(${errors}[${RATE}]))`, legend: '{{method}} {{route}}' }],
    },
    {
      title: 'Duration p95 by route',
      description: '95th percentile of the time to answer, per route pattern and method.',
      unit: 's',
      targets: [
        {
          expr: `histogram_quantile(0.95, sum by (le, method, route) (rate(${buckets}[${RATE}])))`,
          legend: '{{method}} {{route}}',
        },
      ],
    },
  ];
}

function streamPanels(signals: ProductSignals): PanelSpec[] {
  const inputs = signals.inputs.map(({ stream, group }) => ({ stream, group }));
  const perInput = (expression: (labels: { stream: string; group: string }) => string) =>
    inputs.map((labels) => ({ expr: expression(labels), legend: '{{group}} on {{stream}}' }));
  const panels: PanelSpec[] = [
    {
      title: 'Consumer lag of the inputs',
      description: `Entries not yet delivered to ${signals.domain}'s groups; promised ≤ ${signals.levels.maxConsumerLag}.`,
      unit: 'short',
      threshold: signals.levels.maxConsumerLag,
      targets: perInput((labels) => `max by (stream, group) (mesh_consumer_lag${selector(labels)})`),
    },
    {
      title: 'Freshness: events applied per second, per input',
      description: freshnessDescription(signals),
      unit: 'ops',
      targets: perInput(
        (labels) => `sum by (stream, group) (rate(mesh_events_consumed_total${selector(labels)}[${RATE}]))`,
      ),
    },
    {
      title: 'Freshness: entries waiting per input (lag + pending)',
      description: 'Entries the group has not applied yet: delivered and unacknowledged, or not delivered.',
      unit: 'short',
      targets: perInput(
        (labels) =>
          `max by (stream, group) (mesh_consumer_lag${selector(labels)}) + max by (stream, group) (mesh_consumer_pending${selector(labels)})`,
      ),
    },
    {
      title: 'Dead letters per input (last hour)',
      description: 'Entries moved to the group\'s dead-letter stream; any is an alert.',
      unit: 'short',
      threshold: 1,
      targets: perInput(
        (labels) => `sum by (stream, group) (increase(mesh_events_dead_lettered_total${selector(labels)}[1h]))`,
      ),
    },
    {
      title: 'Consumer lag of the groups reading this product',
      description: `Every group on ${signals.outputs.map((port) => port.stream).join(', ')}: the other domains' inputs.`,
      unit: 'short',
      targets: signals.outputs.map(({ stream }) => ({
        expr: `max by (stream, group) (mesh_consumer_lag${selector({ stream })})`,
        legend: '{{group}} on {{stream}}',
      })),
    },
    {
      title: 'Events published per second',
      description: 'Events the outbox relay wrote to the product\'s streams, per type.',
      unit: 'ops',
      targets: signals.outputs.map(({ stream }) => ({
        expr: `sum by (stream, type) (rate(mesh_events_published_total${selector({ stream })}[${RATE}]))`,
        legend: '{{type}}',
      })),
    },
  ];
  return inputs.length > 0 ? panels : panels.slice(4);
}

function freshnessDescription({ levels }: ProductSignals): string {
  const promise =
    levels.freshnessSeconds === undefined ? '' : ` Promised: no older than ${duration(levels.freshnessSeconds)} behind its inputs.`;
  return `Events applied from each input; none while entries wait means the data grows stale.${promise}`;
}

function outboxPanels(signals: ProductSignals): PanelSpec[] {
  const outbox = selector({ outbox: signals.outbox });
  return [
    {
      title: 'Outbox backlog',
      description: 'Events written with a change and not yet published to the streams.',
      unit: 'short',
      targets: [{ expr: `max by (outbox) (mesh_outbox_backlog${outbox})`, legend: 'backlog' }],
    },
    {
      title: 'Oldest unpublished event',
      description: `Age of the oldest event in the outbox; promised ≤ ${signals.levels.maxOutboxAgeSeconds} s.`,
      unit: 's',
      threshold: signals.levels.maxOutboxAgeSeconds,
      targets: [{ expr: `max by (outbox) (mesh_outbox_oldest_age_seconds${outbox})`, legend: 'oldest age' }],
    },
    {
      title: 'Retention: entries trimmed and lost per hour',
      description: signals.outputs
        .map(({ stream, replay }) => `${stream} keeps ${replay.windowHours} h, at most ${replay.capHours} h.`)
        .join(' '),
      unit: 'short',
      targets: signals.outputs.flatMap(({ stream }) => [
        { expr: `sum by (stream) (increase(mesh_stream_entries_trimmed_total${selector({ stream })}[1h]))`, legend: 'trimmed {{stream}}' },
        {
          expr: `sum by (stream, group) (increase(mesh_stream_entries_lost_total${selector({ stream })}[1h]))`,
          legend: 'lost by {{group}}',
        },
      ]),
    },
  ];
}
