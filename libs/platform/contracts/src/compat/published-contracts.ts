import type { DataProduct } from '../product/data-product';
import type { JsonSchema } from '../schema/json-schema';

/**
 * What a product has promised on its streams: which event types and major versions each output
 * stream carries, and the JSON Schema of each. Built from the product now, or read back from the
 * committed generated files for the previous version.
 */
export interface PublishedContracts {
  /** `key` is the stream's Redis key; manifests committed before keys were published have none. */
  streams: Array<{ stream: string; key?: string; events: Array<{ type: string; version: number }> }>;
  schemas: PublishedSchema[];
}

export interface PublishedSchema {
  type: string;
  version: number;
  jsonSchema: JsonSchema;
}

export function publishedContractsOf(product: DataProduct): PublishedContracts {
  return {
    streams: product.manifest.outputPorts.streams.map((port) => ({
      stream: port.stream,
      key: port.key,
      events: port.events.map(({ type, version }) => ({ type, version })),
    })),
    schemas: product.events.map(({ type, version, jsonSchema }) => ({ type, version, jsonSchema })),
  };
}
