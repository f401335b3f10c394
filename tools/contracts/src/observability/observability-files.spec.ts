import { MessagingMetrics } from '@mesh/messaging';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Registry } from 'prom-client';
import { parse } from 'yaml';

import { dashboard, DASHBOARD_SCHEMA_VERSION, type Panel, PROMETHEUS_DATASOURCE } from './grafana-dashboard';
import { checkObservability } from './observability-folder';
import { duration, productSignals } from './product-signals';
import { alertRules, type RuleFile } from './prometheus-rules';
import { exportedSeries, metricDefinitions, TARGET_LABELS } from './testing/metric-inventory';
import { observedProducts } from './testing/observed-products';
import { parsePromql } from './testing/promql-selectors';

const workspace = resolve(__dirname, '../../../..');
const series = exportedSeries(workspace);
const products = observedProducts(workspace);

/** Each selector's metric unknown to the services, or a label it matches on that the metric does not carry. */
function unknownSeries(expression: string): string[] {
  return parsePromql(expression).selectors.flatMap(({ metric, matchers }) => {
    const exported = series.get(metric);
    if (!exported) return [`${metric} is not exported by any service`];
    return matchers
      .filter(({ label }) => !exported.labels.has(label) && !TARGET_LABELS.includes(label))
      .map(({ label }) => `${metric} has no label ${label} (it has ${[...exported.labels].join(', ')})`);
  });
}

const committedRules = (folder: string, domain: string) =>
  parse(readFileSync(join(workspace, folder, 'rules', `${domain}.rules.yml`), 'utf8')) as RuleFile;
const committedDashboard = (folder: string, domain: string) =>
  JSON.parse(readFileSync(join(workspace, folder, 'dashboards', `${domain}.json`), 'utf8')) as { panels: Panel[] } & Record<string, unknown>;
const targetsOf = (panels: Panel[]) => panels.flatMap((panel) => panel.targets ?? []);

describe('the checks themselves', () => {
  it('find the metrics of the services in their definitions, as a real registry registers them', () => {
    const registry = new Registry();
    new MessagingMetrics(registry);
    const registered = registry.getMetricsAsArray().map((metric) => metric.name);
    expect(registered.length).toBeGreaterThan(10);
    for (const name of registered) {
      const exported = series.get(name) ?? series.get(`${name}_bucket`);
      expect({ name, known: exported !== undefined }).toEqual({ name, known: true });
    }
    for (const name of ['http_requests_total', 'http_request_duration_seconds_bucket', 'analytics_input_freshness_seconds', 'up']) {
      expect(series.has(name)).toBe(true);
    }
    expect(metricDefinitions("new Gauge({ name: 'a_b', labelNames: ['x'] })")).toEqual([{ kind: 'Gauge', name: 'a_b', labels: ['x'] }]);
  });

  it('refuse an expression that does not parse, an unknown metric and an unknown label', () => {
    expect(parsePromql('sum(rate(http_requests_total[5m])').errors).not.toEqual([]);
    expect(parsePromql('max by (stream) (mesh_consumer_lag) >').errors).not.toEqual([]);
    expect(unknownSeries('mesh_consumer_lagg{stream="a"}')).toEqual(['mesh_consumer_lagg is not exported by any service']);
    expect(unknownSeries('mesh_outbox_backlog{stream="a"}')).toEqual(['mesh_outbox_backlog has no label stream (it has outbox)']);
    expect(unknownSeries('http_requests_total{job="orders",route="/orders"}')).toEqual([]);
  });

  it('cover every contracts library that writes observability files', () => {
    expect(products.map(({ project }) => project)).toEqual(
      expect.arrayContaining(['orders-contracts', 'customers-contracts', 'analytics-contracts']),
    );
  });
});

describe.each(products.map((observed) => [observed.project, observed] as const))('%s', (_project, observed) => {
  const signals = productSignals(observed.product);
  const rules = committedRules(observed.folder, signals.domain).groups.flatMap((group) => group.rules);
  const board = committedDashboard(observed.folder, signals.domain);
  const expressions = [
    ...rules.map((rule) => ({ where: `rule ${rule.alert}`, expr: rule.expr })),
    ...targetsOf(board.panels).map((target) => ({ where: `panel target ${target.refId}`, expr: target.expr })),
  ];

  it('commits the rules, dashboard, scrape job and overlay stack the manifest generates', async () => {
    const { stale } = await checkObservability({ ...observed, folder: join(workspace, observed.folder) });
    expect(stale).toEqual([]);
  });

  it('writes every rule and panel expression in PromQL that parses', () => {
    expect(expressions.length).toBeGreaterThan(10);
    for (const { where, expr } of expressions) {
      expect({ where, expr, errors: parsePromql(expr).errors }).toEqual({ where, expr, errors: [] });
    }
  });

  it('names only series the services export, and only labels they carry', () => {
    for (const { where, expr } of expressions) {
      expect({ where, problems: unknownSeries(expr) }).toEqual({ where, problems: [] });
    }
  });

  it('is a Prometheus rule file: named alerts with a severity, a summary and a duration', () => {
    for (const rule of rules) {
      expect(rule).toEqual({
        alert: expect.stringMatching(/^[A-Z]\w+$/),
        expr: expect.any(String),
        ...(rule.for === undefined ? {} : { for: expect.stringMatching(/^\d+[smhd]$/) }),
        labels: expect.objectContaining({ severity: expect.stringMatching(/^(critical|warning)$/), product: signals.domain }),
        annotations: { summary: expect.any(String), description: expect.any(String) },
      });
    }
  });

  it("alerts at the manifest's service levels, on its streams, groups and outbox", () => {
    const matchersOf = (alert: string, metric: string) =>
      rules
        .filter((rule) => rule.alert === alert)
        .map((rule) => parsePromql(rule.expr).selectors.find((selector) => selector.metric === metric)?.matchers);
    const inputs = signals.inputs.map(({ stream, group }) => [
      { label: 'stream', value: stream },
      { label: 'group', value: group },
    ]);
    expect(matchersOf('MeshConsumerLagHigh', 'mesh_consumer_lag')).toEqual(inputs);
    expect(matchersOf('MeshDeadLetters', 'mesh_events_dead_lettered_total')).toEqual(inputs);
    expect(matchersOf('MeshInputEntriesLost', 'mesh_consumer_entries_lost_total')).toEqual(inputs);
    expect(matchersOf('MeshRetentionOverrun', 'mesh_stream_entries_lost_total')).toEqual(
      signals.outputs.map(({ stream }) => [{ label: 'stream', value: stream }]),
    );
    expect(matchersOf('MeshOutboxStale', 'mesh_outbox_oldest_age_seconds')).toEqual([[{ label: 'outbox', value: signals.domain }]]);
    const levels = observed.product.manifest.serviceLevels;
    for (const rule of rules.filter((candidate) => candidate.alert === 'MeshConsumerLagHigh')) {
      expect(rule.expr).toMatch(new RegExp(`\\) > ${levels.maxConsumerLag}$`));
    }
    expect(rules.find((rule) => rule.alert === 'MeshOutboxStale')?.expr).toMatch(new RegExp(` > ${levels.maxOutboxAgeSeconds}$`));
    for (const rule of rules.filter((candidate) => candidate.alert === 'MeshInputStale')) {
      expect(rule.expr).toContain(`[${duration(levels.freshnessSeconds ?? 0)}]`);
    }
    expect(rules.filter((rule) => rule.alert === 'MeshInputStale')).toHaveLength(
      levels.freshnessSeconds === undefined ? 0 : signals.inputs.length,
    );
    expect(rules).toEqual(alertRules(signals).groups[0].rules);
  });

  it('is a Grafana dashboard whose panels query the provisioned Prometheus', () => {
    const datasources = parse(readFileSync(join(workspace, observed.folder, 'grafana/datasources.yml'), 'utf8')) as {
      datasources: Array<{ uid: string; type: string }>;
    };
    expect(datasources.datasources).toContainEqual(expect.objectContaining(PROMETHEUS_DATASOURCE));
    expect(board).toMatchObject({ uid: `mesh-${signals.domain}`, schemaVersion: DASHBOARD_SCHEMA_VERSION, title: expect.any(String) });
    expect(board).toEqual(JSON.parse(JSON.stringify(dashboard(signals))));
    const ids = board.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of board.panels) {
      expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
      if (panel.type === 'row') continue;
      const refIds = (panel.targets ?? []).map((target) => target.refId);
      expect({ panel: panel.title, targets: refIds.length > 0, unique: new Set(refIds).size === refIds.length }).toEqual({
        panel: panel.title,
        targets: true,
        unique: true,
      });
      for (const target of panel.targets ?? []) expect(target.datasource).toEqual(PROMETHEUS_DATASOURCE);
    }
    const titles = board.panels.map((panel) => panel.title).join(' | ');
    for (const part of ['Requests', 'Errors', 'Duration', 'Consumer lag', 'Outbox backlog', 'Dead letters', 'Freshness']) {
      expect(titles).toContain(part);
    }
  });
});
