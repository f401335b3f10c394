import type { LogFindings } from '../harness/service-log';
import type { ScenarioResult } from '../scenario/mesh-scenario';
import { count, textTable } from './text-table';

/** The run's figures as tables: what happened, what analytics shows, what was refused and how. */
export function figuresReport(result: ScenarioResult, logs: ReadonlyMap<string, LogFindings>): string {
  return [
    scenarioTable(result),
    dailySalesTable(result),
    malformedTable(result),
    deadLetterTable(result),
    processTable(result, logs),
    answersTable(result),
  ].join('\n\n');
}

function scenarioTable(result: ScenarioResult): string {
  const { ledger, traffic, crash, outage, convergence } = result;
  const rows = [
    ['customers registered', `${count(ledger.customers.size)} (${outage.customersRegistered} during the Redis fault)`],
    ['orders accepted', `${count(ledger.orders.size)} (${count(outage.ordersAccepted)} during the Redis fault)`],
    ['orders cancelled', count(ledger.cancelledCount)],
    ['idempotent replays', `${count(traffic.replayed)} sent again with their key, answered with the first order`],
    ['retries without answer', count(traffic.inconclusive)],
    [
      '422 customer not yet known',
      `${count(traffic.customerNotYetKnown)} (orders' replica catching up with customers' events)`,
    ],
    [
      'analytics SIGKILL',
      `${crash.pendingAtKill} deliveries pending, ${crash.lagAtKill ?? '?'} not yet delivered; ready again after ${crash.downSeconds.toFixed(1)} s`,
    ],
    ['Redis fault', `${outage.seconds.toFixed(1)} s: ${outage.description}`],
    [
      'per-customer figures',
      `${result.ledger.customers.size} customers: analytics' customer value, customers' statistics and tier, orders held`,
    ],
    [
      'figures matched',
      convergence.settled
        ? `${convergence.seconds.toFixed(1)} s after the last request`
        : `NO (still differing after ${convergence.seconds.toFixed(0)} s)`,
    ],
    ['scenario time', `${result.seconds.toFixed(0)} s`],
  ];
  return `scenario\n${textTable(['what', 'figure'], rows)}`;
}

function dailySalesTable(result: ScenarioResult): string {
  const expected = result.ledger.dailySales();
  const rows = result.convergence.comparison.dailySales.days.map((day) => {
    const wanted = expected.find((row) => row.day === day.day && row.currency === day.currency);
    const matches = wanted !== undefined && JSON.stringify(wanted) === JSON.stringify(day);
    return [
      day.day,
      day.currency,
      count(day.orders),
      count(day.revenue),
      count(day.cancelledOrders),
      count(day.cancelledRevenue),
      count(day.netRevenue),
      matches ? 'yes' : 'NO',
    ];
  });
  const top = result.ledger
    .topProducts()
    .slice(0, 5)
    .map((product) => `${product.sku} ${product.units}`)
    .join(', ');
  return [
    'analytics daily sales (minor units) against the accepted requests',
    textTable(
      ['day', 'currency', 'orders', 'revenue', 'cancelled', 'cancelled revenue', 'net revenue', 'as expected'],
      rows,
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
    `top products by units (as expected too): ${top}`,
  ].join('\n');
}

function malformedTable(result: ScenarioResult): string {
  const rows = [...result.fuzz.byCategory.entries()].map(([category, statuses]) => {
    const sent = [...statuses.values()].reduce((sum, value) => sum + value, 0);
    const answers = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, times]) => `${status}×${times}`)
      .join(' ');
    return [category, count(sent), answers];
  });
  rows.push([
    'all',
    count(result.fuzz.sent),
    `${result.fuzz.failureCount} not refused with a 4xx and a message, ${result.fuzz.seconds.toFixed(1)} s`,
  ]);
  return `malformed requests (fast-check)\n${textTable(['category', 'sent', 'answers'], rows, ['l', 'r', 'l'])}`;
}

function deadLetterTable(result: ScenarioResult): string {
  const rows = result.deadLetters.map((finding) => [
    finding.poison.stream,
    finding.poison.type,
    finding.group,
    finding.reason?.slice(0, 90) ?? 'MISSING',
  ]);
  return `poison events (${result.poisons.map((poison) => poison.broken).join('; ')})\n${textTable(['stream', 'type', 'group', 'dead-letter reason'], rows)}`;
}

function processTable(result: ScenarioResult, logs: ReadonlyMap<string, LogFindings>): string {
  const rows = result.liveness.map((process) => {
    const findings = logs.get(process.service);
    return [
      process.service,
      String(process.pid ?? '-'),
      String(process.starts),
      process.ready,
      String(findings?.serverErrors.length ?? 0),
      String(findings?.errorLines ?? 0),
    ];
  });
  return `processes at the end\n${textTable(['service', 'pid', 'starts', 'health', '5xx logged', 'error log lines'], rows, ['l', 'r', 'r', 'l', 'r', 'r'])}`;
}

function answersTable(result: ScenarioResult): string {
  return `answers to the scenario's own requests (${count(result.tally.total())})\n${textTable(['endpoint', 'status × count'], result.tally.summary())}`;
}
