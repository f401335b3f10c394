import type { EventContract } from '../schema/define-event';
import type { JsonSchema } from '../schema/json-schema';
import type { QualityRuleDefinition, QualityRuleManifest } from './quality-rules';

/**
 * A data product's manifest: what a domain promises to the mesh. It is the one source for
 * discovery (`/.well-known/data-product`), the generated documents (AsyncAPI, ODCS, Backstage)
 * and access control (JWT scopes, Redis ACL users). It lives in the domain's contracts library.
 */
export interface DataProductDefinition {
  /** Product name, unique in the mesh, e.g. `orders`. */
  name: string;
  /** Owning domain; also the Redis ACL user, the JWT scope prefix and the CloudEvents source. */
  domain: string;
  /** Human title for the catalog, e.g. `Orders`. */
  title: string;
  description: string;
  /** Semantic version of the product as a whole (contracts keep their own major versions). */
  version: string;
  owner: DataProductOwner;
  outputPorts: OutputPortsDefinition;
  inputPorts: InputPortDefinition[];
  serviceLevels: ServiceLevels;
  /** Fields that hold classified data, e.g. `{ path: 'customers.customer.registered#/email', classification: 'pii' }`. */
  classifiedFields: ClassifiedField[];
  /** Redis keys this domain owns besides its streams (e.g. its BullMQ prefix). */
  redisKeyPrefixes?: string[];
  /**
   * Data-quality rules on the product's own output (`eventRules`, `resourceRules`): the service
   * checks them on a sample of its newest events and resources, and a broken one is a broken
   * service level.
   */
  quality?: QualityRuleDefinition[];
}

export interface DataProductOwner {
  team: string;
  /** Where to reach the team: an email, a chat channel or an issue tracker URL. */
  contact: string;
}

export interface OutputPortsDefinition {
  api: ApiPortDefinition;
  streams: StreamPortDefinition[];
}

export interface ApiPortDefinition {
  description: string;
  /** Where the service serves its OpenAPI document, e.g. `/docs-json`. */
  openApiPath: string;
}

export interface StreamPortDefinition {
  /** Stream (output port) name, e.g. `orders.order.v1`; every event's `stream` must equal it. */
  stream: string;
  description: string;
  events: EventContract[];
  /** How much history the stream keeps; DEFAULT_STREAM_REPLAY when left out. */
  replay?: StreamReplay;
}

/**
 * The history a stream keeps: a service level its consumers can rely on. The owning service trims
 * the stream on a schedule, never inside the window and never past what a consumer group has not
 * read yet, unless that entry is older than the cap: then the cap wins (as retention does in
 * Kafka) and the group that fell behind is reported with the number of entries it lost.
 */
export interface StreamReplay {
  /** Entries younger than this are kept whatever the groups did: a new or rebuilding consumer can replay them. */
  windowHours: number;
  /** Entries older than this go even when a group has not read them yet; at least `windowHours`. */
  capHours: number;
}

/** A week of replay, and a week more for a consumer that fell behind. */
export const DEFAULT_STREAM_REPLAY: StreamReplay = { windowHours: 168, capHours: 336 };

export interface InputPortDefinition {
  /** The stream consumed, e.g. `customers.customer.v1`. */
  stream: string;
  /** The domain that publishes it. */
  from: string;
  /** The consumer group this domain reads it with. */
  group: string;
  /** The event types it handles (others are acknowledged and ignored). */
  eventTypes: string[];
  description: string;
}

export interface ServiceLevels {
  /** Newest applied input event no older than this, in seconds (only for domains with inputs). */
  freshnessSeconds?: number;
  /** Each input's consumer group no more than this many entries behind. */
  maxConsumerLag: number;
  /** Oldest unpublished outbox event no older than this, in seconds. */
  maxOutboxAgeSeconds: number;
  /** Promised availability of the API, e.g. `99.5%` (measured outside the service). */
  availability: string;
}

export type FieldClassification = 'pii' | 'pseudonymous' | 'confidential';

export interface ClassifiedField {
  /** `<event type>#/<json pointer>` or `api:<json pointer in a response>`. */
  path: string;
  classification: FieldClassification;
}

/** The manifest as JSON: what `/.well-known/data-product` serves and the catalog reads. */
export interface DataProductManifest {
  name: string;
  domain: string;
  title: string;
  description: string;
  version: string;
  owner: DataProductOwner;
  outputPorts: {
    api: ApiPortDefinition;
    streams: Array<{
      stream: string;
      /** Where the stream is in Redis: `streamKey(stream)`, e.g. `{orders.order.v1}`. */
      key: string;
      description: string;
      replay: StreamReplay;
      events: Array<{
        type: string;
        version: number;
        dataschema: string;
        description: string;
        /**
         * The JSON Schema (2020-12) of the event's `data`, as `generated/schemas/` has it: a
         * manifest reader (the catalog) shows its fields without the producer's code.
         */
        schema: JsonSchema;
      }>;
    }>;
  };
  /** Each input with the Redis key of the stream it reads (`streamKey(stream)`). */
  inputPorts: Array<InputPortDefinition & { key: string }>;
  serviceLevels: ServiceLevels;
  classifiedFields: ClassifiedField[];
  redisKeyPrefixes: string[];
  /** The data-quality rules, without their check functions (a manifest served before it had them has none). */
  quality?: QualityRuleManifest[];
}

/** A defined product: the JSON manifest plus the event contracts behind it, for generators. */
export interface DataProduct {
  readonly manifest: DataProductManifest;
  readonly definition: Readonly<DataProductDefinition>;
  /** Every event contract of every output stream. */
  readonly events: readonly EventContract[];
}
