import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import ts from 'typescript';

/** A series name the services export, with the labels it carries and where it is defined. */
export interface ExportedSeries {
  labels: Set<string>;
  definedIn: string;
}

/** Labels Prometheus adds to every scraped series: the job and the task's address. */
export const TARGET_LABELS = ['job', 'instance'];

const METRIC_CLASSES = new Set(['Counter', 'Gauge', 'Histogram', 'Summary']);

/**
 * Every series the services can export, read from the metric definitions themselves: each
 * `new Counter|Gauge|Histogram|Summary({ name: '…', labelNames: [...] })` in the source of the
 * apps and libraries (found with the TypeScript parser, so a renamed metric or label shows at
 * once), prom-client's default metrics as a real registry registers them, and `up`, which
 * Prometheus itself records for each target. A histogram exports `_bucket` (with `le`), `_sum`
 * and `_count`.
 */
export function exportedSeries(workspace: string): Map<string, ExportedSeries> {
  const series = new Map<string, ExportedSeries>();
  for (const file of sourceFiles(workspace, ['apps', 'libs'])) {
    for (const metric of metricDefinitions(readFileSync(file, 'utf8'), file)) {
      const definedIn = relative(workspace, file);
      if (metric.kind === 'Histogram') {
        series.set(`${metric.name}_bucket`, { labels: new Set([...metric.labels, 'le']), definedIn });
        for (const suffix of ['_sum', '_count']) series.set(`${metric.name}${suffix}`, { labels: new Set(metric.labels), definedIn });
      } else {
        series.set(metric.name, { labels: new Set(metric.labels), definedIn });
      }
    }
  }
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults });
  // The registry holds the metric instances, which know their label names (the type shows less).
  for (const metric of defaults.getMetricsAsArray() as Array<{ name: string; labelNames?: string[] }>) {
    series.set(metric.name, { labels: new Set(metric.labelNames ?? []), definedIn: 'prom-client default metrics' });
  }
  series.set('up', { labels: new Set(), definedIn: 'Prometheus (one per scrape target)' });
  return series;
}

function sourceFiles(workspace: string, roots: string[]): string[] {
  return roots.flatMap((root) =>
    readdirSync(join(workspace, root), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.(spec|int-spec|d)\.ts$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => !path.includes('node_modules') && !path.includes(`${join('/', 'test', '/')}`)),
  );
}

interface MetricDefinition {
  kind: string;
  name: string;
  labels: string[];
}

/** The metric constructions in one source file whose name is a string literal. */
export function metricDefinitions(source: string, fileName = 'source.ts'): MetricDefinition[] {
  if (!/new (Counter|Gauge|Histogram|Summary)\b/.test(source)) return [];
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: MetricDefinition[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && METRIC_CLASSES.has(node.expression.text)) {
      const options = node.arguments?.[0];
      if (options && ts.isObjectLiteralExpression(options)) {
        const name = stringProperty(options, 'name');
        if (name !== undefined) found.push({ kind: node.expression.text, name, labels: labelNames(options) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // A helper that makes gauges from a `name` parameter (MessagingMetrics' groupGauge, outboxGauge):
  // its calls name the metrics and the helper's construction names the labels.
  return [...found, ...helperDefinitions(file)];
}

function stringProperty(object: ts.ObjectLiteralExpression, key: string): string | undefined {
  const property = object.properties.find(
    (candidate): candidate is ts.PropertyAssignment =>
      ts.isPropertyAssignment(candidate) && ts.isIdentifier(candidate.name) && candidate.name.text === key,
  );
  return property && ts.isStringLiteralLike(property.initializer) ? property.initializer.text : undefined;
}

function labelNames(object: ts.ObjectLiteralExpression): string[] {
  const property = object.properties.find(
    (candidate): candidate is ts.PropertyAssignment =>
      ts.isPropertyAssignment(candidate) && ts.isIdentifier(candidate.name) && candidate.name.text === 'labelNames',
  );
  if (!property || !ts.isArrayLiteralExpression(property.initializer)) return [];
  return property.initializer.elements.filter(ts.isStringLiteralLike).map((element) => element.text);
}

/**
 * `const helper = (name: string, …) => new Gauge({ name, labelNames: [...] })` and its calls
 * `helper('mesh_consumer_lag', …)`: one metric per call, with the helper's labels.
 */
function helperDefinitions(file: ts.SourceFile): MetricDefinition[] {
  const helpers = new Map<string, { kind: string; labels: string[] }>();
  const calls: Array<{ helper: string; name: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isArrowFunction(node.initializer)) {
      const construction = findNewMetric(node.initializer.body);
      if (construction && construction.options.properties.some((p) => ts.isShorthandPropertyAssignment(p) && p.name.text === 'name')) {
        helpers.set(node.name.text, { kind: construction.kind, labels: labelNames(construction.options) });
      }
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      calls.push({ helper: node.expression.text, name: node.arguments[0].text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls.flatMap(({ helper, name }) => {
    const definition = helpers.get(helper);
    return definition ? [{ kind: definition.kind, name, labels: definition.labels }] : [];
  });
}

function findNewMetric(node: ts.Node): { kind: string; options: ts.ObjectLiteralExpression } | undefined {
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && METRIC_CLASSES.has(node.expression.text)) {
    const options = node.arguments?.[0];
    if (options && ts.isObjectLiteralExpression(options)) return { kind: node.expression.text, options };
  }
  return ts.forEachChild(node, findNewMetric);
}
