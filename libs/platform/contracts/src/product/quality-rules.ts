import type { EventContract, EventData } from '../schema/define-event';

/** The ODCS v3 data-quality dimensions a rule is filed under. */
export type QualityDimension =
  | 'accuracy'
  | 'completeness'
  | 'conformity'
  | 'consistency'
  | 'coverage'
  | 'timeliness'
  | 'uniqueness';

/**
 * One sampled event as a rule sees it: the CloudEvents attributes that identify and date it, its
 * `data`, and `publishedAt`, when it reached the stream (the entry id's time, Redis's clock).
 */
export interface QualityEvent<TData = unknown> {
  id: string;
  type: string;
  subject: string;
  time: string;
  publishedAt: string;
  data: TData;
}

interface QualityRuleBase {
  /** Lower-case kebab, unique in the product: the metric label and the service-level name `quality:<id>`. */
  id: string;
  /** What the rule promises, in words: the catalog and the ODCS contract show it. */
  description: string;
  dimension: QualityDimension;
}

/**
 * What a rule holds of each sampled item (`each`), or of the sample as a whole (`unique`: no two
 * items share a key). The functions run in the producing service on its own newest output; they
 * stay out of the JSON manifest, which names the rule, its target and its kind.
 */
export type QualityCheck<TItem> =
  | { kind: 'each'; holds: (item: TItem) => boolean }
  | { kind: 'unique'; key: (item: TItem) => string };

export type EventQualityRule<TData> = QualityRuleBase & QualityCheck<QualityEvent<TData>>;
export type ResourceQualityRule<TItem> = QualityRuleBase & QualityCheck<TItem>;

/** A rule as the product definition holds it: on event types of its output streams, or on an API resource. */
export type QualityRuleDefinition =
  | (QualityRuleBase & QualityCheck<QualityEvent> & { eventTypes: string[] })
  | (QualityRuleBase & QualityCheck<unknown> & { resource: string });

/** A rule in the JSON manifest: everything but the check function. */
export interface QualityRuleManifest {
  id: string;
  description: string;
  dimension: QualityDimension;
  kind: 'each' | 'unique';
  /** The event types it samples (from the output streams), or… */
  eventTypes?: string[];
  /** …the API resource it samples (a name the service gives a bounded query of its store). */
  resource?: string;
}

/**
 * Rules on the events of `contracts`, typed by their data, for `defineDataProduct({ quality })`:
 * `eventRules([orderPlaced], [{ id, description, dimension, kind: 'each', holds: (event) => … }])`.
 */
export function eventRules<TContract extends EventContract<unknown>>(
  contracts: readonly TContract[],
  rules: ReadonlyArray<EventQualityRule<EventData<TContract>>>,
): QualityRuleDefinition[] {
  const eventTypes = contracts.map((contract) => contract.type);
  return rules.map((rule) => ({ ...rule, eventTypes: [...eventTypes] }) as QualityRuleDefinition);
}

/** An hour: an event published later than this after its change waited in an outbox too long. */
const ARRIVAL_WINDOW_MS = 3_600_000;

/**
 * The two rules any event stream can promise whatever its data, for `eventRules`: no event id
 * twice on the stream (a repeated id is a producer that published one change twice), and every
 * event on the stream within an hour of the change it reports. `noun` names them: `order` →
 * `order-event-ids-unique`, `order-events-arrive-within-an-hour`.
 */
export function envelopeRules(noun: string): Array<EventQualityRule<unknown>> {
  return [
    {
      id: `${noun}-event-ids-unique`,
      description: 'No event id appears twice on the stream.',
      dimension: 'uniqueness',
      kind: 'unique',
      key: (event) => event.id,
    },
    {
      id: `${noun}-events-arrive-within-an-hour`,
      description: 'An event reaches the stream within an hour of the change it reports.',
      dimension: 'timeliness',
      kind: 'each',
      holds: (event) => Date.parse(event.publishedAt) - Date.parse(event.time) <= ARRIVAL_WINDOW_MS,
    },
  ];
}

/** Rules on the items of an API resource (what one GET answers per item), typed by the item. */
export function resourceRules<TItem>(
  resource: string,
  rules: ReadonlyArray<ResourceQualityRule<TItem>>,
): QualityRuleDefinition[] {
  return rules.map((rule) => ({ ...rule, resource }) as QualityRuleDefinition);
}

/** The JSON form of the rules, in declaration order. */
export function qualityManifestOf(rules: readonly QualityRuleDefinition[]): QualityRuleManifest[] {
  return rules.map((rule) => ({
    id: rule.id,
    description: rule.description,
    dimension: rule.dimension,
    kind: rule.kind,
    ...('eventTypes' in rule ? { eventTypes: [...rule.eventTypes] } : { resource: rule.resource }),
  }));
}

const ruleId = /^[a-z][a-z0-9-]*$/;

/** What is wrong with the rules given the product's output event types. */
export function findQualityProblems(rules: readonly QualityRuleDefinition[], outputEventTypes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const rule of rules) {
    if (!ruleId.test(rule.id)) problems.push(`quality rule "${rule.id}" must be lower-case kebab`);
    if (ids.has(rule.id)) problems.push(`quality rule ${rule.id} is declared twice`);
    ids.add(rule.id);
    if (!rule.description.trim()) problems.push(`quality rule ${rule.id} has no description`);
    if ('eventTypes' in rule) {
      if (rule.eventTypes.length === 0) problems.push(`quality rule ${rule.id} names no event type`);
      for (const type of rule.eventTypes.filter((type) => !outputEventTypes.has(type))) {
        problems.push(`quality rule ${rule.id} checks ${type}, which no output stream of this product carries`);
      }
    } else if (!ruleId.test(rule.resource)) {
      problems.push(`quality rule ${rule.id}: resource "${rule.resource}" must be lower-case kebab`);
    }
  }
  return problems;
}
