import { ratioTo } from '../stats/rate';
import { Column, formatCount, formatMs, formatRatio, formatTable } from '../stats/table';
import type { ConsumeResult, LatencyResult } from './phases';

export interface ContenderResult {
  label: string;
  publishPerSecond: number;
  consume: ConsumeResult;
  latency: LatencyResult;
  notes: readonly string[];
}

/** What this library promises in one process (ARCHITECTURE.md section 8: benchmarks). */
export const libraryTargets = { publishPerSecond: 200_000, consumePerSecond: 150_000 };

const columns: Column[] = [
  { header: 'contender', align: 'left' },
  { header: 'publish ev/s', align: 'right' },
  { header: '×raw', align: 'right' },
  { header: 'consume ev/s', align: 'right' },
  { header: '×raw', align: 'right' },
  { header: 'p50 ms', align: 'right' },
  { header: '×raw', align: 'right' },
  { header: 'p99 ms', align: 'right' },
  { header: '×raw', align: 'right' },
  { header: 'lost', align: 'right' },
  { header: 'notes', align: 'left' },
];

/**
 * The results table, each metric followed by its ratio to `baseline` (for latencies a ratio
 * above 1 is slower), and the numbered notes below it.
 */
export function renderResults(results: readonly ContenderResult[], baseline: ContenderResult | undefined): string {
  const rows = results.map((result, index) => [
    result.label,
    formatCount(result.publishPerSecond),
    formatRatio(baseline && ratioTo(result.publishPerSecond, baseline.publishPerSecond)),
    formatCount(result.consume.perSecond),
    formatRatio(baseline && ratioTo(result.consume.perSecond, baseline.consume.perSecond)),
    formatMs(result.latency.p50),
    formatRatio(baseline && ratioTo(result.latency.p50, baseline.latency.p50)),
    formatMs(result.latency.p99),
    formatRatio(baseline && ratioTo(result.latency.p99, baseline.latency.p99)),
    `${formatCount(result.consume.lost)}/${formatCount(result.latency.lost)}`,
    `[${index + 1}]`,
  ]);
  const notes = results.map((result, index) => `[${index + 1}] ${result.label}: ${result.notes.join('; ')}`);
  return [formatTable(columns, rows), '', ...notes].join('\n');
}

/** One line per target: met or missed, with the measured value. */
export function targetVerdicts(result: ContenderResult): string[] {
  const verdict = (name: string, measured: number, target: number) =>
    `${measured >= target ? 'MET   ' : 'MISSED'} ${name} ≥ ${formatCount(target)} events/s in one process: ` +
    `measured ${formatCount(measured)} (${Math.round((measured / target) * 100)}% of target)`;
  return [
    verdict('publish', result.publishPerSecond, libraryTargets.publishPerSecond),
    verdict('consume', result.consume.perSecond, libraryTargets.consumePerSecond),
  ];
}
