/**
 * Why a contract change breaks consumers. Schema rules say what an event's data may no longer
 * be relied on for; contract rules say what the stream layout no longer carries.
 */
export type SchemaRule =
  | 'field-removed'
  | 'field-renamed'
  | 'field-made-optional'
  | 'new-required-field'
  | 'field-made-required'
  | 'type-narrowed'
  | 'enum-narrowed'
  | 'format-tightened'
  | 'pattern-tightened'
  | 'bound-tightened'
  | 'constraint-added';

export type ContractRule =
  | 'stream-removed'
  | 'stream-key-changed'
  | 'event-removed'
  | 'major-version-on-existing-stream';

export type CompatRule = SchemaRule | ContractRule;

/** One difference between two versions of one event schema, found by `compareEventSchemas`. */
export interface SchemaChange {
  /** Dotted path of the field, `lines[].quantity`; `(root)` for the event data itself. */
  field: string;
  rule: SchemaRule;
  /** What changed, in words, e.g. `number → integer`. */
  detail: string;
}

/** A breaking change between the published contracts and the current ones. */
export interface CompatFinding {
  /** The event type (`orders.order.placed`) or, for `stream-removed` and `stream-key-changed`, the stream. */
  subject: string;
  /** The event's major version; absent for a stream. */
  version?: number;
  /** The field, for schema rules. */
  field?: string;
  rule: CompatRule;
  detail: string;
}
