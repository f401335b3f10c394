import type { DataProduct } from '../product/data-product';
import type { JsonObject } from './json-document';

export interface BackstageOptions {
  /** Where Backstage fetches the OpenAPI document: the service's base URL (`openApiPath` is appended). */
  serviceUrl: string;
  /** The AsyncAPI document, relative to catalog-info.yaml. */
  asyncApiPath: string;
  /** Defaults to `data-mesh`. */
  system?: string;
  /** Defaults to `production`. */
  lifecycle?: string;
}

/** The Backstage API entity names of a domain: `<domain>-events` and `<domain>-api`. */
export const eventsApiName = (domain: string) => `${domain}-events`;
export const restApiName = (domain: string) => `${domain}-api`;

/**
 * The product as Backstage catalog entities: a Component (the domain service) that provides its
 * event API (AsyncAPI) and REST API (OpenAPI) and consumes the event APIs of the domains its input
 * ports read, all owned by the product's team and part of the `data-mesh` system.
 */
export function toBackstageEntities(product: DataProduct, options: BackstageOptions): JsonObject[] {
  const { manifest } = product;
  const owner = `group:${manifest.owner.team}`;
  const system = options.system ?? 'data-mesh';
  const lifecycle = options.lifecycle ?? 'production';
  const openApiUrl = `${options.serviceUrl.replace(/\/$/, '')}${manifest.outputPorts.api.openApiPath}`;
  const consumed = [...new Set(manifest.inputPorts.map((port) => eventsApiName(port.from)))].sort();
  const streams = manifest.outputPorts.streams.map((port) => `${port.stream} (Redis key \`${port.key}\`)`);

  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: manifest.name,
        title: manifest.title,
        description: manifest.description,
        tags: ['data-product', manifest.domain],
        links: [{ url: openApiUrl, title: 'OpenAPI document' }],
      },
      spec: {
        type: 'service',
        lifecycle,
        owner,
        system,
        providesApis: [eventsApiName(manifest.domain), restApiName(manifest.domain)],
        consumesApis: consumed,
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: eventsApiName(manifest.domain),
        title: `${manifest.title} events`,
        description: `Event streams of the ${manifest.name} data product: ${streams.join(', ')}.`,
        tags: ['asyncapi', 'event-stream', manifest.domain],
      },
      spec: { type: 'asyncapi', lifecycle, owner, system, definition: { $text: options.asyncApiPath } },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: restApiName(manifest.domain),
        title: `${manifest.title} API`,
        description: manifest.outputPorts.api.description,
        tags: ['openapi', 'rest', manifest.domain],
      },
      spec: { type: 'openapi', lifecycle, owner, system, definition: { $text: openApiUrl } },
    },
  ];
}
