import type { CatalogManifest } from '../products/data-product-document.schema';
import { classifiedPointers } from '../schemas/classified-pointers';
import { type SchemaField, schemaFields } from '../schemas/schema-fields';

/** Each output stream of a product with the schema table of every event it carries. */
export interface StreamSchemas {
  stream: string;
  key: string;
  description: string;
  events: Array<{
    type: string;
    version: number;
    dataschema: string;
    description: string;
    fields: SchemaField[];
    /** False when the manifest carries no schema (served before manifests had them). */
    schemaPublished: boolean;
  }>;
}

export function productSchemas(manifest: CatalogManifest): StreamSchemas[] {
  return manifest.outputPorts.streams.map((port) => ({
    stream: port.stream,
    key: port.key ?? `{${port.stream}}`,
    description: port.description,
    events: port.events.map((event) => ({
      type: event.type,
      version: event.version,
      dataschema: event.dataschema,
      description: event.description,
      fields: schemaFields(event.schema, classifiedPointers(manifest, event.type)),
      schemaPublished: event.schema !== undefined,
    })),
  }));
}
