import type { CatalogManifest } from '../products/data-product-document.schema';
import { classifiedPointers } from '../schemas/classified-pointers';
import { type SchemaField, schemaFields } from '../schemas/schema-fields';

/** `GET /api/event-types/:type`: an event type, every version the mesh publishes, and who reads it. */
export interface EventTypeView {
  type: string;
  producer: { name: string; title: string; ownerTeam: string; contact: string };
  /** Newest first. Each major version has a stream of its own; a retired one leaves the manifest. */
  versions: EventTypeVersion[];
  /** Input ports, in any manifest, that handle this type on one of its streams. */
  consumers: Array<{ domain: string; group: string; stream: string }>;
}

export interface EventTypeVersion {
  version: number;
  stream: string;
  key: string;
  dataschema: string;
  description: string;
  /** The highest version published; older ones are still published for the consumers that have not moved. */
  current: boolean;
  fields: SchemaField[];
  /** False when the producer's manifest carries no schema (served before manifests had them). */
  schemaPublished: boolean;
}

/** The view of `type`, or undefined when no manifest publishes it. */
export function eventTypeView(manifests: readonly CatalogManifest[], type: string): EventTypeView | undefined {
  const producer = manifests.find((manifest) =>
    manifest.outputPorts.streams.some((port) => port.events.some((event) => event.type === type)),
  );
  if (!producer) return undefined;
  const pointers = classifiedPointers(producer, type);
  const versions = producer.outputPorts.streams
    .flatMap((port) =>
      port.events
        .filter((event) => event.type === type)
        .map((event) => ({
          version: event.version,
          stream: port.stream,
          key: port.key ?? `{${port.stream}}`,
          dataschema: event.dataschema,
          description: event.description,
          current: false,
          fields: schemaFields(event.schema, pointers),
          schemaPublished: event.schema !== undefined,
        })),
    )
    .sort((a, b) => b.version - a.version);
  versions[0].current = true;
  const streams = new Set(versions.map((version) => version.stream));
  const consumers = manifests.flatMap((manifest) =>
    manifest.inputPorts
      .filter((port) => streams.has(port.stream) && port.eventTypes.includes(type))
      .map((port) => ({ domain: manifest.domain, group: port.group, stream: port.stream })),
  );
  return {
    type,
    producer: {
      name: producer.name,
      title: producer.title,
      ownerTeam: producer.owner.team,
      contact: producer.owner.contact,
    },
    versions,
    consumers,
  };
}
