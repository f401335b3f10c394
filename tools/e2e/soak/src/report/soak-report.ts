import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { textTable } from '../../../mesh/src/report/text-table';
import type { SoakResult } from '../scenario/soak-run';
import type { SoakSettings } from '../soak-settings';
import { formatFigure } from './figure-format';
import { MEMORY_JUDGED_FROM_SECONDS, PLATEAU_RATIO, plateauOf, type PlateauVerdict, verdictText } from './plateau';
import { svgChart } from './svg-chart';

export interface WrittenReport {
  verdicts: PlateauVerdict[];
  /** The table of series printed on the console. */
  table: string;
  reportFile: string;
}

/**
 * Writes the run's samples (`samples.csv`), one SVG chart per series (`charts/`) and
 * `report.md`, which lists every series with its plateau verdict and links its chart.
 */
export function writeSoakReport(result: SoakResult, settings: SoakSettings, dir: string): WrittenReport {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'charts'), { recursive: true });
  writeFileSync(join(dir, 'samples.csv'), result.table.toCsv());
  const verdicts = result.table.series.map((series) => plateauOf(series, result.runSeconds));
  const rows = verdicts.map((verdict, index) => {
    const chart = `charts/${String(index + 1).padStart(2, '0')}-${slug(verdict.series.name)}.svg`;
    writeFileSync(join(dir, chart), svgChart(verdict, result.runSeconds, result.events));
    return { verdict, chart };
  });
  const cells = (verdict: PlateauVerdict) => [
    verdict.series.name,
    formatFigure(verdict.middleMax, verdict.series.unit),
    formatFigure(verdict.lastMax, verdict.series.unit),
    verdict.middleMax > 0 ? (verdict.lastMax / verdict.middleMax).toFixed(2) : '–',
    verdictText(verdict),
  ];
  const header = ['series', 'max, middle third', 'max, last third', 'ratio', 'verdict'];
  const markdown = [
    `# Soak: ${settings.minutes} min, two replicas of every domain`,
    '',
    `Replay window ${settings.withoutRetention ? 'as declared (production retention: --without-retention)' : `${settings.windowSeconds} s (cap ${2 * settings.windowSeconds} s)`}; ` +
      `a sample every ${settings.sampleEverySeconds} s; one replica killed every ${settings.killEverySeconds} s (replica #2 of each domain in turn; every #1 runs throughout); ` +
      `Redis and the MongoDB-compatible store restarted once each. ${result.ledger.orders.size} orders accepted ` +
      `(${result.ledger.cancelledCount} cancelled, ${result.traffic.shipped} shipped) from ${result.ledger.customers.size} customers.`,
    '',
    `Figures: ${result.convergence.settled ? `every figure matched the accepted requests ${result.convergence.seconds.toFixed(1)} s after the traffic stopped` : `still differing after ${result.convergence.seconds.toFixed(0)} s`}.`,
    '',
    `A series is flat when the maximum over the last third of the run is at most ${PLATEAU_RATIO} × the maximum over the middle third (or rose less than the noise floor of its unit). ` +
      `A process's memory is judged as measured right after a full garbage collection (through the V8 inspector, every ${settings.collectEverySeconds} s) of the replicas that run throughout (#1), in runs of ${MEMORY_JUDGED_FROM_SECONDS / 60} minutes or more; sampled at any moment (every replica, every ${settings.sampleEverySeconds} s) it is charted, not judged. ` +
      `A count of what is kept for a time window (table rows, stream entries) is the traffic rate times the window, and the rate moves with every kill: the age of its oldest row or entry is judged in its place (it stays near the window while pruning works, and grows with the run when it does not). Samples: [samples.csv](samples.csv).`,
    '',
    `| ${header.join(' | ')} | chart |`,
    `|${header.map(() => '---').join('|')}|---|`,
    ...rows.map(({ verdict, chart }) => `| ${cells(verdict).join(' | ')} | [chart](${chart}) |`),
    '',
    '## Faults',
    '',
    ...result.events.map(
      (event) => `- ${Math.floor(event.at / 60)}:${String(event.at % 60).padStart(2, '0')} ${event.label}`,
    ),
    '',
  ].join('\n');
  const reportFile = join(dir, 'report.md');
  writeFileSync(reportFile, markdown);
  return { verdicts, table: textTable(header, verdicts.map(cells), ['l', 'r', 'r', 'r', 'l']), reportFile };
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
