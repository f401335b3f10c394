import { stringify } from 'yaml';

import { duration, type ProductSignals, selector } from './product-signals';

/** One alerting rule of a Prometheus rule file. */
export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: { summary: string; description: string };
}

export interface RuleFile {
  groups: Array<{ name: string; rules: AlertRule[] }>;
}

/**
 * Counters start when a task starts, so the first count of a task is a new series that
 * `increase()` does not see: the second half catches a series that did not exist a window ago.
 */
const WINDOW = '1h';
function countedWithin(metric: string, labels: Record<string, string>): string {
  const series = `${metric}${selector(labels)}`;
  return (
    `sum by (stream, group) (increase(${series}[${WINDOW}])) > 0` +
    ` or sum by (stream, group) (${series} unless (${series} offset ${WINDOW})) > 0`
  );
}

/**
 * The Prometheus alert rules of one data product: one rule per promise of its manifest and per
 * port it concerns (consumer lag, freshness, dead letters and lost entries per input; lost
 * entries per output; outbox age; availability), with the manifest's thresholds.
 */
export function alertRules(signals: ProductSignals): RuleFile {
  const rules = [...inputRules(signals), ...outputRules(signals), ...qualityRules(signals), ...serviceRules(signals)];
  return { groups: [{ name: `mesh-${signals.domain}`, rules }] };
}

export function renderRuleFile(signals: ProductSignals): string {
  const header =
    `# Generated from the ${signals.domain} data product's manifest by its contracts target ` +
    `(npx nx run ${signals.domain}-contracts:contracts); contract-check fails while it differs.\n`;
  return header + stringify(alertRules(signals), { lineWidth: 0 });
}

function labelsOf(signals: ProductSignals, severity: 'critical' | 'warning'): Record<string, string> {
  return { severity, product: signals.domain };
}

function inputRules(signals: ProductSignals): AlertRule[] {
  const { levels } = signals;
  return signals.inputs.flatMap(({ stream, group }) => {
    const labels = { stream, group };
    const lag = `max by (stream, group) (mesh_consumer_lag${selector(labels)})`;
    const pending = `max by (stream, group) (mesh_consumer_pending${selector(labels)})`;
    const where = `group ${group} of ${stream}`;
    const rules: AlertRule[] = [
      {
        alert: 'MeshConsumerLagHigh',
        expr: `${lag} > ${levels.maxConsumerLag}`,
        for: '5m',
        labels: { ...labelsOf(signals, 'warning'), stream, group },
        annotations: {
          summary: `${where} is {{ $value }} entries behind (promised ≤ ${levels.maxConsumerLag})`,
          description: `The ${signals.domain} product promises each input group at most ${levels.maxConsumerLag} entries behind. Scale the domain or look at its handler duration and failures.`,
        },
      },
      {
        alert: 'MeshConsumerLagUnmeasured',
        expr: `absent(mesh_consumer_lag${selector(labels)})`,
        for: '15m',
        labels: { ...labelsOf(signals, 'warning'), stream, group },
        annotations: {
          summary: `no lag measured for ${where}`,
          description: `No task reports the lag of ${where}: the group does not exist yet or no service that watches ${stream} is scraped.`,
        },
      },
      {
        alert: 'MeshDeadLetters',
        expr: countedWithin('mesh_events_dead_lettered_total', labels),
        labels: { ...labelsOf(signals, 'warning'), stream, group },
        annotations: {
          summary: `${where} moved entries to its dead-letter stream in the last ${WINDOW}`,
          description: `Entries of ${stream} kept failing in ${signals.domain}. List them with npm run mesh -- dead-letters ${stream} ${group} and, once fixed, npm run mesh -- redrive ${stream} ${group}.`,
        },
      },
      {
        alert: 'MeshInputEntriesLost',
        expr: countedWithin('mesh_consumer_entries_lost_total', labels),
        labels: { ...labelsOf(signals, 'critical'), stream, group },
        annotations: {
          summary: `${where} lost entries it never read: the producer's retention cap removed them`,
          description: `${signals.domain} fell further behind ${stream} than its replay cap. Rebuild its data from a replay or the producer's API.`,
        },
      },
    ];
    if (levels.freshnessSeconds !== undefined) rules.splice(1, 0, freshnessRule(signals, labels, lag, pending));
    return rules;
  });
}

/**
 * Entries wait for the group and none was applied for the promised freshness: the newest data
 * of this input is then at least that old. No service exports the age of the oldest unapplied
 * entry as a metric (GET /.well-known/data-product measures it), so this is the part of the
 * promise the metrics can show; a slow but moving consumer shows as lag instead.
 */
function freshnessRule(
  signals: ProductSignals,
  labels: { stream: string; group: string },
  lag: string,
  pending: string,
): AlertRule {
  const seconds = signals.levels.freshnessSeconds as number;
  const applied = `sum by (stream, group) (increase(mesh_events_consumed_total${selector(labels)}[${duration(seconds)}]))`;
  return {
    alert: 'MeshInputStale',
    expr: `(${lag} + ${pending}) > 0 unless on (stream, group) ${applied} > 0`,
    for: '1m',
    labels: { ...labelsOf(signals, 'critical'), stream: labels.stream, group: labels.group },
    annotations: {
      summary: `${signals.domain} applied nothing from ${labels.stream} for ${duration(seconds)} while entries wait`,
      description: `The ${signals.domain} product promises data no older than ${seconds} s behind its inputs. Its consumer of ${labels.stream} (group ${labels.group}) is stuck or down.`,
    },
  };
}

function outputRules(signals: ProductSignals): AlertRule[] {
  return signals.outputs.map(({ stream, replay }) => ({
    alert: 'MeshRetentionOverrun',
    expr: countedWithin('mesh_stream_entries_lost_total', { stream }),
    labels: { ...labelsOf(signals, 'critical'), stream },
    annotations: {
      summary: `a group of ${stream} fell behind its replay cap (${replay.capHours} h) and lost entries`,
      description: `${stream} keeps ${replay.windowHours} h of history for every group and at most ${replay.capHours} h for one that is behind; the trimmer removed entries the group {{ $labels.group }} had not read.`,
    },
  }));
}

/**
 * A rule broken on the output is a broken promise, like a service level: every task evaluates it
 * on the same sample, so the lowest value among them is the verdict. Five minutes, because a bad
 * entry stays in the newest-N sample until newer ones push it out.
 */
function qualityRules(signals: ProductSignals): AlertRule[] {
  return signals.qualityRules.map(({ id, description }) => ({
    alert: 'MeshDataQualityRuleBroken',
    expr: `min by (rule) (mesh_data_quality_rule_kept${selector({ job: signals.job, rule: id })}) == 0`,
    for: '5m',
    labels: { ...labelsOf(signals, 'warning'), rule: id },
    annotations: {
      summary: `${signals.domain}'s output breaks its data-quality rule ${id}`,
      description: `${description} GET /.well-known/data-product of ${signals.domain} lists the ids of the sampled items that break it (status.quality).`,
    },
  }));
}

function serviceRules(signals: ProductSignals): AlertRule[] {
  const { levels, job } = signals;
  const outbox = selector({ outbox: signals.outbox });
  // A fast burn of the error budget (the multi-window rule of the SRE workbook): 14.4 times the
  // allowed error ratio over an hour, and still now, spends 2% of a 30-day budget in that hour.
  const allowed = Number(((1 - levels.availability) * 14.4).toPrecision(6));
  const errorRatio = (window: string) =>
    `sum(rate(http_requests_total${selector({ job }, 'status_code=~"5.."')}[${window}]))` +
    ` / sum(rate(http_requests_total${selector({ job })}[${window}]))`;
  return [
    {
      alert: 'MeshOutboxStale',
      expr: `max by (outbox) (mesh_outbox_oldest_age_seconds${outbox}) > ${levels.maxOutboxAgeSeconds}`,
      for: '1m',
      labels: labelsOf(signals, 'critical'),
      annotations: {
        summary: `${signals.domain}'s oldest unpublished event is {{ $value }} s old (promised ≤ ${levels.maxOutboxAgeSeconds} s)`,
        description: `The outbox relay of ${signals.domain} does not publish: Redis is unreachable or full, or no task holds the relay's lease.`,
      },
    },
    {
      alert: 'MeshApiErrorBudgetBurn',
      expr: `(${errorRatio('1h')}) > ${allowed} and (${errorRatio('5m')}) > ${allowed}`,
      for: '2m',
      labels: labelsOf(signals, 'critical'),
      annotations: {
        summary: `${signals.domain}'s API answers 5xx fast enough to spend its ${levels.availabilityText} budget in days`,
        description: `More than ${allowed} of ${signals.domain}'s requests failed with 5xx over the last hour and five minutes.`,
      },
    },
    {
      alert: 'MeshServiceDown',
      expr: `absent(up${selector({ job })} == 1)`,
      for: '2m',
      labels: labelsOf(signals, 'critical'),
      annotations: {
        summary: `no task of ${signals.domain} answers /metrics`,
        description: `Prometheus reaches no task of ${signals.domain} (job ${job}); its availability of ${levels.availabilityText} is at stake.`,
      },
    },
  ];
}
