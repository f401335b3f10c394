import { type Column, formatCount, formatCpuMs, formatMs, formatRatio, formatTable } from '../stats/table';
import {
  compareFigures,
  type FigureUnit,
  spanCountProblems,
  type TracingPass,
  type TracingVerdict,
  tracingVerdict,
} from './tracing-figures';

const passColumns: Column[] = [
  { header: 'pass', align: 'right' },
  { header: 'tracing', align: 'left' },
  { header: 'spans received', align: 'right' },
  { header: 'load 1 min before → after', align: 'left' },
  { header: 'seconds', align: 'right' },
  { header: 'e2e orders/s, lost', align: 'left' },
];

const figureColumns: Column[] = [
  { header: 'figure', align: 'left' },
  { header: 'off', align: 'right' },
  { header: 'on', align: 'right' },
  { header: 'on/off', align: 'right' },
  { header: 'off: last/first (noise)', align: 'right' },
  { header: 'off passes', align: 'right' },
  { header: 'on passes', align: 'right' },
];

/**
 * The tracing comparison: each pass (mode, spans received, load average around it), each figure
 * off and on with on/off and the ratio of the two off passes, and the verdict line.
 */
export function renderTracingComparison(passes: readonly TracingPass[]): string {
  const figures = compareFigures(passes);
  const verdict = tracingVerdict(figures);
  const passRows = passes.map((pass, index) => [
    String(index + 1),
    pass.mode,
    formatCount(pass.spansReceived),
    `${pass.loadBefore.toFixed(2)} → ${pass.loadAfter.toFixed(2)}`,
    formatCount(pass.seconds),
    pass.results.e2e
      ? `${formatCount(pass.results.e2e.rate)}/s, ${formatCount(pass.results.e2e.result.lost)} lost`
      : '–',
  ]);
  const figureRows = figures.map((figure) => [
    figure.label,
    formatValue(figure.offMean, figure.unit),
    formatValue(figure.onMean, figure.unit),
    formatRatio(figure.ratio),
    formatRatio(figure.offRatio),
    figure.off.map((value) => formatValue(value, figure.unit)).join(' · '),
    figure.on.map((value) => formatValue(value, figure.unit)).join(' · '),
  ]);
  const problems = spanCountProblems(passes);
  return [
    formatTable(passColumns, passRows),
    '',
    formatTable(figureColumns, figureRows),
    '',
    `verdict: ${verdictLine(verdict)}`,
    ...problems.map((problem) => `NOT A VALID COMPARISON: ${problem}`),
    '',
    OFF_MEANS_NO_SDK,
  ].join('\n');
}

// What "off" is: the comparison's baseline is the services as they run untraced, not a build
// without OpenTelemetry's API (there is none to compare with).
const OFF_MEANS_NO_SDK = [
  'tracing off = no SDK: without OTEL_EXPORTER_OTLP_ENDPOINT (or another exporter setting) startTelemetry',
  '(libs/platform/service/src/telemetry/start-telemetry.ts) returns before requiring the SDK, so the off passes run',
  "the services exactly as they run untraced; what stays on their paths is OpenTelemetry's API with no SDK",
  'registered: a no-op span per event published and handled, an active-span look-up per request and per log line.',
  'tracing on = the SDK with its defaults (OTLP over HTTP/protobuf, batch span processor, every trace sampled),',
  "exporting to the bench's own receiver on 127.0.0.1, which counts the spans without decoding them.",
].join('\n');

// Past this difference between the two off passes, a cost of the order of the 5% cannot be read.
const NOISY_PERCENT = 10;

/**
 * "tracing off: CPU per request within X% between the two off passes (noise; …); tracing on costs
 * +Y% CPU per request, …, Z% req/s, +W ms p99". CPU time per request leads: the req/s and the
 * latencies of a run on a shared machine move with its load, the CPU time a request takes far less.
 */
export function verdictLine(verdict: TracingVerdict): string {
  const hasCpu = verdict.cpuNoisePercent !== undefined;
  const otherNoise = `${verdict.noiseOf} figures within ${percent(verdict.noisePercent)} of each other`;
  const cpuNoise = percent(verdict.cpuNoisePercent ?? 0);
  const noise = hasCpu
    ? `tracing off: CPU per request within ${cpuNoise} between the two off passes (noise; ${otherNoise})`
    : `tracing off: ${otherNoise} (noise)`;
  const costs: string[] = [];
  if (verdict.cpuCostPercent !== undefined && verdict.cpuCostRange) {
    const [least, most] = verdict.cpuCostRange;
    costs.push(
      `${signedPercent(verdict.cpuCostPercent)} CPU per request (geometric mean over ${verdict.httpRoutes} routes, from ${signedPercent(least)} to ${signedPercent(most)})`,
    );
  }
  if (verdict.endToEndCpuCostPercent !== undefined)
    costs.push(`${signedPercent(verdict.endToEndCpuCostPercent)} CPU per end-to-end order`);
  if (verdict.throughputCostPercent !== undefined && verdict.throughputCostRange) {
    const [least, most] = verdict.throughputCostRange;
    costs.push(
      `${percent(verdict.throughputCostPercent)} req/s (geometric mean over ${verdict.httpRoutes} routes, from ${percent(least)} to ${percent(most)})`,
    );
  }
  if (verdict.httpP99CostMs !== undefined) costs.push(`${signedMs(verdict.httpP99CostMs)} p99 (mean over the routes)`);
  if (verdict.endToEndP99CostMs !== undefined)
    costs.push(`${signedMs(verdict.endToEndP99CostMs)} p99 POST /orders → analytics projection`);
  return `${noise}; tracing on costs ${costs.join(', ')}${hasCpu ? cpuReading(verdict) : throughputReading(verdict)}`;
}

// The CPU figures lead the reading; req/s and latencies are there for what they show of the load.
function cpuReading(verdict: TracingVerdict): string {
  const noise = verdict.cpuNoisePercent ?? 0;
  const cost = verdict.cpuCostPercent ?? verdict.endToEndCpuCostPercent;
  let againstNoise = '';
  if (cost !== undefined)
    againstNoise =
      Math.abs(cost) <= noise
        ? '; the CPU cost is within the noise of this run'
        : '; the CPU cost is larger than the largest difference between the off passes';
  const robust =
    "; CPU time per request (from /proc: of the serving service per route, of the three per order) is the load-robust figure: req/s and latencies move with the machine's load";
  const tooNoisy =
    noise > NOISY_PERCENT
      ? `; even the CPU per request of the off passes differs by more than ${NOISY_PERCENT}%: this run cannot tell a cost of a few percent (see the load average per pass; run again on a quieter machine)`
      : '';
  return `${againstNoise}${robust}${tooNoisy}`;
}

function throughputReading(verdict: TracingVerdict): string {
  const withinNoise =
    verdict.throughputCostPercent !== undefined && Math.abs(verdict.throughputCostPercent) <= verdict.noisePercent
      ? '; the req/s cost is within the noise of this run'
      : '';
  const tooNoisy =
    verdict.noisePercent > NOISY_PERCENT
      ? `; the off passes differ by more than ${NOISY_PERCENT}%: the machine was too unsteady for these figures to tell a cost of a few percent (see the load average per pass; run again on a quieter machine)`
      : '';
  return `${withinNoise}${tooNoisy}`;
}

function formatValue(value: number, unit: FigureUnit): string {
  if (unit === 'ms') return formatMs(value);
  if (unit === 'CPU ms') return formatCpuMs(value);
  return unit === 'MB' ? `${formatCount(value)} MB` : formatCount(value);
}

function signedPercent(value: number): string {
  return `${value < 0 ? '−' : '+'}${percent(Math.abs(value))}`;
}

function percent(value: number): string {
  return `${value.toFixed(1)}%`;
}

function signedMs(value: number): string {
  return `${value < 0 ? '−' : '+'}${formatMs(Math.abs(value))} ms`;
}
