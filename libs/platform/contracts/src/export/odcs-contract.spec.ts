import { z } from 'zod';

import { defineDataProduct } from '../product/define-data-product';
import { defineEvent } from '../schema/define-event';
import { sampleProduct } from '../testing/sample-product';
import type { JsonObject } from './json-document';
import { odcsContractPath, toOdcsContracts } from './odcs-contract';

const at = (document: JsonObject, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);

describe('toOdcsContracts', () => {
  const [{ stream, contract }] = toOdcsContracts(sampleProduct);
  const [eventObject] = contract['schema'] as JsonObject[];
  const property = (name: string) =>
    (eventObject['properties'] as JsonObject[]).find((entry) => entry['name'] === name);

  it('makes one ODCS v3 contract per output stream, owned and described by the manifest', () => {
    expect(stream).toBe('sample.order.v1');
    expect(odcsContractPath(stream)).toBe('odcs/sample.order.v1.yaml');
    expect(contract).toMatchObject({
      apiVersion: 'v3.0.2',
      kind: 'DataContract',
      id: 'urn:mesh:contract:sample.order.v1',
      name: 'sample.order.v1',
      version: '1.2.0',
      status: 'active',
      domain: 'sample',
      dataProduct: 'sample',
      description: { purpose: 'Sample order facts.' },
      team: [{ username: 'sample-team', role: 'owner' }],
      support: [{ channel: 'email', url: 'mailto:sample@example.com' }],
    });
  });

  it('names the Redis key of the stream on its event-bus server, with what the braces are for', () => {
    expect(contract['servers']).toEqual([
      {
        server: 'event-bus',
        type: 'custom',
        description:
          'The mesh event bus (Redis Streams). Redis Stream key `{sample.order.v1}`; the braces are a Redis Cluster ' +
          'hash tag that keeps the stream, its dead-letter and redrive streams on one slot.',
        host: 'localhost',
        port: 6379,
        customProperties: [
          { property: 'protocol', value: 'redis' },
          { property: 'streamKey', value: '{sample.order.v1}' },
        ],
      },
    ]);
    expect(at(contract, 'description', 'usage')).toMatch(/^Read the Redis stream at key `\{sample\.order\.v1\}` /);
    expect(toOdcsContracts(sampleProduct, { eventBusHost: 'bus:6380' })[0].contract['servers']).toEqual([
      expect.objectContaining({ host: 'bus', port: 6380 }),
    ]);
  });

  it('turns the service levels into SLA properties', () => {
    expect(contract['slaProperties']).toEqual([
      { property: 'latency', value: 20, unit: 's', driver: 'operational' },
      { property: 'freshness', value: 600, unit: 's', driver: 'analytics' },
      { property: 'consumerLag', value: 50, unit: 'entries', driver: 'operational' },
      { property: 'availability', value: 99.9, unit: '%', driver: 'operational' },
    ]);
  });

  it('describes each event type as a schema object with typed, required and classified properties', () => {
    expect(eventObject).toMatchObject({
      name: 'sample.order.placed',
      physicalName: '{sample.order.v1}',
      logicalType: 'object',
    });
    expect(property('orderId')).toMatchObject({
      logicalType: 'string',
      required: true,
      logicalTypeOptions: { format: 'uuid' },
    });
    expect(property('customerEmail')).toMatchObject({ classification: 'pii', examples: ['ada@example.com'] });
    expect(property('currency')).toMatchObject({ quality: [{ rule: 'validValues', validValues: ['EUR', 'USD'] }] });
    expect(property('note')).toMatchObject({ required: false, logicalTypeOptions: { maxLength: 200 } });
    expect(property('lines')).toMatchObject({
      logicalType: 'array',
      logicalTypeOptions: { minItems: 1, maxItems: 100 },
      items: {
        logicalType: 'object',
        properties: [
          { name: 'sku', classification: 'confidential', required: true },
          { name: 'quantity', logicalType: 'integer', logicalTypeOptions: { minimum: 1 } },
          { name: 'unitPrice', logicalType: 'integer' },
        ],
      },
    });
  });

  it('refuses a classified field that the event does not have', () => {
    const product = defineDataProduct({
      ...sampleProduct.definition,
      classifiedFields: [{ path: 'sample.order.placed#/customerPhone', classification: 'pii' }],
    });
    expect(() => toOdcsContracts(product)).toThrow(
      'classifiedFields: sample.order.placed#/customerPhone name no field of that event',
    );
  });

  it('stops a recursive schema where it repeats', () => {
    interface Part {
      name: string;
      parts: Part[];
    }
    const part: z.ZodType<Part> = z.object({
      name: z.string(),
      get parts() {
        return z.array(part);
      },
    });
    const assembled = defineEvent({
      type: 'sample.kit.assembled',
      version: 1,
      source: '/sample',
      description: 'A kit was assembled.',
      schema: z.object({ root: part.nullable() }),
      example: { root: { name: 'frame', parts: [] } },
    });
    const product = defineDataProduct({
      ...sampleProduct.definition,
      outputPorts: {
        ...sampleProduct.definition.outputPorts,
        streams: [{ stream: 'sample.kit.v1', description: 'Kits.', events: [assembled] }],
      },
      classifiedFields: [],
    });
    const [root] = (toOdcsContracts(product)[0].contract['schema'] as JsonObject[])[0]['properties'] as JsonObject[];
    expect(root).toMatchObject({
      name: 'root',
      logicalType: 'object',
      required: false,
      properties: [{ name: 'name' }, { name: 'parts', items: { description: expect.stringMatching(/^Recursive/) } }],
    });
  });
});
