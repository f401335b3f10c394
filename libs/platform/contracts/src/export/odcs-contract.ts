import { streamKey, streamKeyNote } from '../envelope/stream-key';
import type { DataProduct, ServiceLevels, StreamPortDefinition } from '../product/data-product';
import type { EventContract } from '../schema/define-event';
import { classificationsByEvent } from './classified-fields';
import { DEFAULT_EVENT_BUS_HOST, hostAndPort } from './event-bus';
import { eventSchemaPath } from './event-json-schema';
import { compact, type JsonObject } from './json-document';
import { odcsPropertiesOf, type PropertyContext } from './odcs-properties';
import { odcsQualityOf } from './odcs-quality';
import { contactUrl } from './owner-contact';

/** The file an output stream's data contract is written to, relative to the generated folder. */
export function odcsContractPath(stream: string): string {
  return `odcs/${stream}.yaml`;
}

export interface OdcsOptions {
  /** The event bus as `host:port`, the contract's server. */
  eventBusHost?: string;
}

/**
 * One ODCS v3.0-shaped data contract per output stream: the stream is the dataset, found on the
 * event bus server at its Redis key (`servers`, and each schema object's `physicalName`), each
 * event type on it a schema object whose properties come from its JSON Schema, with the
 * manifest's field classifications, owner, support channel and service levels.
 */
export function toOdcsContracts(
  product: DataProduct,
  options: OdcsOptions = {},
): Array<{ stream: string; contract: JsonObject }> {
  const classifications = classificationsByEvent(product);
  return product.definition.outputPorts.streams.map((port) => ({
    stream: port.stream,
    contract: contractOf(product, port, classifications, options),
  }));
}

function contractOf(
  product: DataProduct,
  port: StreamPortDefinition,
  classifications: Map<string, Map<string, string>>,
  options: OdcsOptions,
): JsonObject {
  const { manifest } = product;
  const key = streamKey(port.stream);
  return {
    apiVersion: 'v3.0.2',
    kind: 'DataContract',
    id: `urn:mesh:contract:${port.stream}`,
    name: port.stream,
    version: manifest.version,
    status: 'active',
    domain: manifest.domain,
    dataProduct: manifest.name,
    description: {
      purpose: port.description,
      usage:
        `Read the Redis stream at key \`${key}\` with a consumer group of your own. ` +
        'Each entry holds the CloudEvents attributes as ' +
        'fields and the event data as JSON in `data`; validate it with the tolerant reader (ignore unknown fields).',
      limitations:
        'Order is kept per subject (aggregate id) only. ' +
        'A breaking change comes as a new major version on a new stream.',
    },
    tags: ['event-stream', manifest.domain],
    servers: [
      {
        server: 'event-bus',
        type: 'custom',
        description: `The mesh event bus (Redis Streams). ${streamKeyNote(port.stream)}`,
        ...hostAndPort(options.eventBusHost ?? DEFAULT_EVENT_BUS_HOST),
        customProperties: [
          { property: 'protocol', value: 'redis' },
          { property: 'streamKey', value: key },
        ],
      },
    ],
    schema: port.events.map((event) => ({
      ...schemaObjectOf(port, event, classifications.get(event.type) ?? new Map()),
      ...qualityOf(product, event.type),
    })),
    support: [contactUrl(manifest.owner)],
    team: [{ username: manifest.owner.team, role: 'owner' }],
    slaProperties: slaPropertiesOf(manifest.serviceLevels),
    customProperties: [
      { property: 'stream', value: port.stream },
      { property: 'asyncapi', value: '../asyncapi.yaml' },
    ],
  };
}

function schemaObjectOf(
  port: StreamPortDefinition,
  event: EventContract,
  classifications: Map<string, string>,
): JsonObject {
  const context: PropertyContext = { root: event.jsonSchema, classifications, visited: new Set() };
  const properties = odcsPropertiesOf(event.jsonSchema, '', event.example, context);
  const unknown = [...classifications.keys()].filter((pointer) => !context.visited.has(pointer));
  if (unknown.length > 0) {
    throw new Error(
      `classifiedFields: ${unknown.map((pointer) => `${event.type}#${pointer}`).join(', ')} name no field of that event`,
    );
  }
  return {
    name: event.type,
    physicalName: streamKey(port.stream),
    physicalType: 'topic',
    logicalType: 'object',
    description: event.description,
    tags: [`v${event.version}`],
    customProperties: [
      { property: 'dataschema', value: event.dataschema },
      { property: 'jsonSchema', value: `../${eventSchemaPath(event)}` },
    ],
    properties,
  };
}

/** The schema object's `quality` list, left out when the event type has no rule. */
function qualityOf(product: DataProduct, eventType: string): { quality?: JsonObject[] } {
  const quality = odcsQualityOf(product, eventType);
  return quality.length > 0 ? { quality } : {};
}

function slaPropertiesOf(levels: ServiceLevels): JsonObject[] {
  const availability = /^(\d+(?:\.\d+)?)\s*%$/.exec(levels.availability);
  return [
    { property: 'latency', value: levels.maxOutboxAgeSeconds, unit: 's', driver: 'operational' },
    ...(levels.freshnessSeconds === undefined
      ? []
      : [{ property: 'freshness', value: levels.freshnessSeconds, unit: 's', driver: 'analytics' }]),
    { property: 'consumerLag', value: levels.maxConsumerLag, unit: 'entries', driver: 'operational' },
    compact({
      property: 'availability',
      value: availability ? Number(availability[1]) : levels.availability,
      unit: availability ? '%' : undefined,
      driver: 'operational',
    }),
  ];
}
