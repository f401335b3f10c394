import type { Point, Series } from '../samples/series-table';
import { formatFigure } from './figure-format';
import { PLATEAU_RATIO, type PlateauVerdict, verdictText } from './plateau';

/** Something that happened during the run, drawn as a vertical line (a kill, a store restart). */
export interface RunEvent {
  at: number;
  label: string;
  kind: 'replica' | 'store';
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { left: 80, right: 16, top: 36, bottom: 36 };

/**
 * One series as a self-contained SVG line chart: time in minutes across, the value up from zero;
 * the middle and last thirds shaded, the plateau bar (PLATEAU_RATIO × the middle third's maximum)
 * dashed over the last third, and the run's faults as vertical lines.
 */
export function svgChart(verdict: PlateauVerdict, runSeconds: number, events: readonly RunEvent[]): string {
  const { series } = verdict;
  const top = Math.max(1, ...series.points.map((point) => point.value), PLATEAU_RATIO * verdict.middleMax) * 1.05;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (at: number) => MARGIN.left + (at / runSeconds) * plotWidth;
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const third = runSeconds / 3;
  const bar = PLATEAU_RATIO * verdict.middleMax;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${MARGIN.left}" y="16" font-size="13" font-weight="bold">${escape(series.name)}</text>`,
    `<text x="${MARGIN.left}" y="29" fill="${verdict.flat ? '#1a7f37' : '#cf222e'}">${escape(verdictText(verdict))}: last third max ${formatFigure(verdict.lastMax, series.unit)}, middle third max ${formatFigure(verdict.middleMax, series.unit)}</text>`,
    `<rect x="${x(third)}" y="${MARGIN.top}" width="${x(2 * third) - x(third)}" height="${plotHeight}" fill="#f3f6fa"/>`,
    `<rect x="${x(2 * third)}" y="${MARGIN.top}" width="${x(runSeconds) - x(2 * third)}" height="${plotHeight}" fill="#e8eef6"/>`,
    ...axes(runSeconds, top, series, x, y),
    ...events.map((event) => eventLine(event, x(event.at), plotHeight)),
    `<line x1="${x(2 * third)}" x2="${x(runSeconds)}" y1="${y(bar)}" y2="${y(bar)}" stroke="#cf222e" stroke-dasharray="5 3"/>`,
    `<text x="${x(runSeconds) - 4}" y="${y(bar) - 4}" text-anchor="end" fill="#cf222e">${PLATEAU_RATIO} × middle max</text>`,
    ...lines(series.points, x, y),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}

function axes(
  runSeconds: number,
  top: number,
  series: Series,
  x: (at: number) => number,
  y: (value: number) => number,
): string[] {
  const out: string[] = [];
  const bottom = y(0);
  out.push(`<line x1="${x(0)}" x2="${x(runSeconds)}" y1="${bottom}" y2="${bottom}" stroke="#444"/>`);
  out.push(`<line x1="${x(0)}" x2="${x(0)}" y1="${y(top)}" y2="${bottom}" stroke="#444"/>`);
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    const value = (top / 1.05) * fraction;
    out.push(`<line x1="${x(0) - 4}" x2="${x(runSeconds)}" y1="${y(value)}" y2="${y(value)}" stroke="#ddd"/>`);
    out.push(
      `<text x="${x(0) - 6}" y="${y(value) + 4}" text-anchor="end">${escape(formatFigure(value, series.unit))}</text>`,
    );
  }
  const minutes = runSeconds / 60;
  const step = minutes <= 12 ? 1 : minutes <= 40 ? 5 : 10;
  for (let minute = 0; minute <= minutes; minute += step) {
    out.push(`<text x="${x(minute * 60)}" y="${bottom + 14}" text-anchor="middle">${minute}</text>`);
  }
  out.push(`<text x="${x(runSeconds)}" y="${bottom + 28}" text-anchor="end">minutes</text>`);
  return out;
}

/**
 * The points joined; a gap longer than three of the series' own sampling steps (a replica being
 * restarted) breaks the line.
 */
function lines(points: readonly Point[], x: (at: number) => number, y: (value: number) => number): string[] {
  const steps = points.slice(1).map((point, index) => point.at - points[index].at);
  const step = steps.length > 0 ? Math.min(...steps) : 0;
  const runs: string[][] = [];
  let previous: number | undefined;
  for (const point of points) {
    if (previous === undefined || point.at - previous > 3 * step + 1) runs.push([]);
    runs[runs.length - 1].push(`${x(point.at).toFixed(1)},${y(point.value).toFixed(1)}`);
    previous = point.at;
  }
  return runs.map((run) => `<polyline points="${run.join(' ')}" fill="none" stroke="#0969da" stroke-width="1.8"/>`);
}

function eventLine(event: RunEvent, at: number, plotHeight: number): string {
  const colour = event.kind === 'store' ? '#bc4c00' : '#999';
  return [
    `<line x1="${at}" x2="${at}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="${colour}" stroke-dasharray="2 2"><title>${escape(event.label)}</title></line>`,
    event.kind === 'store'
      ? `<text x="${at + 3}" y="${MARGIN.top + 10}" fill="${colour}">${escape(event.label)}</text>`
      : '',
  ].join('');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
