import { perRequest } from '../cpu/service-cpu';
import type { MeshBenchResults } from '../mesh-bench-report';

export type TracingMode = 'off' | 'on';

/**
 * Off, on, on, off: a drift of the machine's load that grows or shrinks steadily over the run
 * weighs on both modes alike (each mode's mean pass sits at the middle of the run), which
 * off, on, off, on would not do; and the two off passes, first and last, are as far apart as any
 * two passes can be, so their difference is a generous measure of the run's noise.
 */
export const TRACING_PASS_ORDER: readonly TracingMode[] = ['off', 'on', 'on', 'off'];

/** One pass of the comparison: a mesh of its own, measured with tracing off or on. */
export interface TracingPass {
  mode: TracingMode;
  results: MeshBenchResults;
  /** Spans the bench's OTLP receiver got from the services during the pass. */
  spansReceived: number;
  /** The machine's 1-minute load average just before the pass's mesh started and after it stopped. */
  loadBefore: number;
  loadAfter: number;
  seconds: number;
}

export type FigureUnit = 'req/s' | 'ms' | 'MB' | 'CPU ms';

/** One figure measured in every pass, compared between the modes. */
export interface FigureComparison {
  label: string;
  unit: FigureUnit;
  /** Its values in the passes of each mode, in pass order. */
  off: number[];
  on: number[];
  offMean: number;
  onMean: number;
  /** on ÷ off. */
  ratio: number;
  /** The last off pass ÷ the first: the noise of the machine in this run. */
  offRatio: number;
  /** Where the figure comes from: an HTTP route, the end-to-end path, or a process's memory. */
  source: 'http' | 'e2e' | 'memory';
  /**
   * For CPU time per request: of the service that served it over the measured run, or of the three
   * services together until the consumers caught up with its events.
   */
  cpuOf?: 'service' | 'mesh';
}

interface Figure {
  label: string;
  unit: FigureUnit;
  source: FigureComparison['source'];
  cpuOf?: FigureComparison['cpuOf'];
  value: number;
}

/**
 * Every figure of one run: req/s, p50, p99 and CPU ms per request (of the serving service and of
 * the mesh) per HTTP case, the end-to-end latencies and CPU ms per order, the RSS.
 */
export function figuresOf(results: MeshBenchResults): Figure[] {
  const figures: Figure[] = results.http.flatMap(httpFigures);
  if (results.e2e) figures.push(...endToEndFigures(results.e2e));
  for (const { service, memory } of results.memory) {
    figures.push({
      label: `${service} RSS after the pass`,
      unit: 'MB',
      source: 'memory',
      value: memory.rss / (1024 * 1024),
    });
  }
  return figures;
}

const END_TO_END_CPU = 'POST /orders → analytics projection CPU ms/order, mesh';

function httpFigures({ httpCase, result, servingCpuMs, cpu }: MeshBenchResults['http'][number]): Figure[] {
  const route = `${httpCase.service} ${httpCase.name}`;
  return [
    { label: `${route} req/s`, unit: 'req/s', source: 'http', value: result.requestsPerSecond },
    { label: `${route} p50`, unit: 'ms', source: 'http', value: result.p50 },
    { label: `${route} p99`, unit: 'ms', source: 'http', value: result.p99 },
    {
      label: `${route} CPU ms/req, ${httpCase.service}`,
      unit: 'CPU ms',
      source: 'http',
      cpuOf: 'service',
      value: perRequest(servingCpuMs, result.completed),
    },
    {
      label: `${route} CPU ms/req, mesh`,
      unit: 'CPU ms',
      source: 'http',
      cpuOf: 'mesh',
      value: perRequest(cpu.totalMs, result.completed),
    },
  ];
}

function endToEndFigures({ result, cpu }: NonNullable<MeshBenchResults['e2e']>): Figure[] {
  const { http, projection, placed } = result;
  return [
    { label: 'POST /orders → 201 p50', unit: 'ms', source: 'e2e', value: http.p50 },
    { label: 'POST /orders → 201 p99', unit: 'ms', source: 'e2e', value: http.p99 },
    { label: 'POST /orders → analytics projection p50', unit: 'ms', source: 'e2e', value: projection.p50 },
    { label: 'POST /orders → analytics projection p99', unit: 'ms', source: 'e2e', value: projection.p99 },
    { label: END_TO_END_CPU, unit: 'CPU ms', source: 'e2e', cpuOf: 'mesh', value: perRequest(cpu.totalMs, placed) },
  ];
}

/**
 * Each figure of the first pass, with its values in every pass of each mode, their means, on ÷ off
 * and last off ÷ first off. @throws when a mode has no pass, or a pass lacks a figure of the first.
 */
export function compareFigures(passes: readonly TracingPass[]): FigureComparison[] {
  const offPasses = passes.filter((pass) => pass.mode === 'off');
  const onPasses = passes.filter((pass) => pass.mode === 'on');
  if (offPasses.length === 0 || onPasses.length === 0)
    throw new Error('the comparison needs passes with tracing off and on');
  const byPass = passes.map((pass) => new Map(figuresOf(pass.results).map((figure) => [figure.label, figure])));
  return figuresOf(passes[0].results).map(({ label, unit, source, cpuOf }) => {
    const valuesOf = (mode: TracingMode) =>
      passes.flatMap((pass, index) => {
        if (pass.mode !== mode) return [];
        const figure = byPass[index].get(label);
        if (!figure) throw new Error(`pass ${index + 1} (tracing ${mode}) has no figure "${label}"`);
        return [figure.value];
      });
    const off = valuesOf('off');
    const on = valuesOf('on');
    const offMean = mean(off);
    const onMean = mean(on);
    return {
      label,
      unit,
      source,
      ...(cpuOf ? { cpuOf } : {}),
      off,
      on,
      offMean,
      onMean,
      ratio: onMean / offMean,
      offRatio: off[off.length - 1] / off[0],
    };
  });
}

/** What the verdict line says, as numbers. */
export interface TracingVerdict {
  /**
   * The load-robust figures, CPU time per request of the service that served each route and per
   * end-to-end order of the three services: their largest difference between the two off passes…
   */
  cpuNoisePercent?: number;
  /** …what tracing adds to it, in percent of the off CPU time (geometric mean over the routes)… */
  cpuCostPercent?: number;
  /** …its range over the routes… */
  cpuCostRange?: [number, number];
  /** …and what it adds to the CPU time per end-to-end order, in percent. */
  endToEndCpuCostPercent?: number;
  /** The figures the noise is read from: req/s when the HTTP part ran, else the latencies. */
  noiseOf: 'req/s' | 'latency';
  /** The largest difference between the two off passes over those figures, in percent. */
  noisePercent: number;
  /** What tracing costs in req/s, in percent of the off throughput (geometric mean over the routes). */
  throughputCostPercent?: number;
  /** The range of that cost over the routes, in percent. */
  throughputCostRange?: [number, number];
  /** On − off p99, mean over the HTTP routes, in ms. */
  httpP99CostMs?: number;
  httpRoutes: number;
  /** On − off p99 of POST /orders → analytics projection, in ms. */
  endToEndP99CostMs?: number;
}

export function tracingVerdict(figures: readonly FigureComparison[]): TracingVerdict {
  // Per route, the serving service's CPU time: that of the mesh also holds the others' idle polling
  // while the consumers catch up. The event path's cost is in the end-to-end CPU per order.
  const routeCpu = figures.filter((figure) => figure.source === 'http' && figure.cpuOf === 'service');
  const endToEndCpu = figures.find((figure) => figure.source === 'e2e' && figure.cpuOf === 'mesh');
  const verdictCpu = endToEndCpu ? [...routeCpu, endToEndCpu] : routeCpu;
  const cpuCosts = routeCpu.map((figure) => (figure.ratio - 1) * 100);
  const throughput = figures.filter((figure) => figure.unit === 'req/s');
  const latencies = figures.filter((figure) => figure.unit === 'ms');
  const noiseFigures = throughput.length > 0 ? throughput : latencies;
  const noisePercent = largestDifferencePercent(noiseFigures);
  const costs = throughput.map((figure) => (1 - figure.ratio) * 100);
  const httpP99 = figures.filter((figure) => figure.source === 'http' && figure.label.endsWith(' p99'));
  const endToEnd = figures.find((figure) => figure.label === 'POST /orders → analytics projection p99');
  return {
    cpuNoisePercent: verdictCpu.length > 0 ? largestDifferencePercent(verdictCpu) : undefined,
    cpuCostPercent: routeCpu.length > 0 ? (geometricMean(routeCpu.map((figure) => figure.ratio)) - 1) * 100 : undefined,
    cpuCostRange: cpuCosts.length > 0 ? [Math.min(...cpuCosts), Math.max(...cpuCosts)] : undefined,
    endToEndCpuCostPercent: endToEndCpu ? (endToEndCpu.ratio - 1) * 100 : undefined,
    noiseOf: throughput.length > 0 ? 'req/s' : 'latency',
    noisePercent,
    throughputCostPercent:
      throughput.length > 0 ? (1 - geometricMean(throughput.map((figure) => figure.ratio))) * 100 : undefined,
    throughputCostRange: costs.length > 0 ? [Math.min(...costs), Math.max(...costs)] : undefined,
    httpP99CostMs: httpP99.length > 0 ? mean(httpP99.map((figure) => figure.onMean - figure.offMean)) : undefined,
    httpRoutes: throughput.length,
    endToEndP99CostMs: endToEnd ? endToEnd.onMean - endToEnd.offMean : undefined,
  };
}

/**
 * Why a pass's span count says the comparison is not what it claims: spans received with tracing
 * off (the services were not uninstrumented) or none with it on (nothing was traced).
 */
export function spanCountProblems(passes: readonly TracingPass[]): string[] {
  return passes.flatMap((pass, index) => {
    if (pass.mode === 'off' && pass.spansReceived > 0)
      return [`pass ${index + 1}: tracing off, yet ${pass.spansReceived} spans received`];
    if (pass.mode === 'on' && pass.spansReceived === 0) return [`pass ${index + 1}: tracing on, yet no span received`];
    return [];
  });
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The mean of the logarithms: ratios of 2 and 0.5 average to 1, not 1.25. */
export function geometricMean(values: readonly number[]): number {
  return Math.exp(mean(values.map((value) => Math.log(value))));
}

/** The largest difference between the two off passes over the figures, in percent. */
function largestDifferencePercent(figures: readonly FigureComparison[]): number {
  return Math.max(0, ...figures.map((figure) => Math.abs(figure.offRatio - 1) * 100));
}
