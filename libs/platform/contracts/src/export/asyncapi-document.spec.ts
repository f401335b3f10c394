import { sampleProduct } from '../testing/sample-product';
import { toAsyncApi } from './asyncapi-document';
import type { JsonObject } from './json-document';

const at = (document: JsonObject, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);

describe('toAsyncApi', () => {
  const document = toAsyncApi(sampleProduct, { eventBusHost: 'bus:6380' });

  it('describes the product as an AsyncAPI 3.0 document on a Redis server', () => {
    expect(document['asyncapi']).toBe('3.0.0');
    expect(document['info']).toMatchObject({
      title: 'Sample',
      version: '1.2.0',
      contact: { name: 'sample-team', email: 'sample@example.com' },
    });
    expect(at(document, 'servers', 'event-bus')).toMatchObject({
      host: 'bus:6380',
      protocol: 'redis',
      description: expect.stringContaining("A channel's address is the Redis key of its stream."),
    });
    expect(at(toAsyncApi(sampleProduct), 'servers', 'event-bus', 'host')).toBe('localhost:6379');
  });

  it('has a channel per output stream, named by the stream, addressed by its Redis key, with a message per event type', () => {
    expect(at(document, 'channels', 'sample.order.v1')).toEqual({
      address: '{sample.order.v1}',
      title: 'sample.order.v1',
      description:
        'Sample order facts. Redis Stream key `{sample.order.v1}`; the braces are a Redis Cluster hash tag that ' +
        'keeps the stream, its dead-letter and redrive streams on one slot. Replay window: 168 h of history is ' +
        'always kept; entries older than 336 h are trimmed even when a consumer group has not read them (that ' +
        'group is reported).',
      messages: { 'sample.order.placed': { $ref: '#/components/messages/sample.order.placed' } },
      'x-replay': { windowHours: 168, capHours: 336 },
    });
    expect(at(document, 'operations', 'publish.sample.order.v1')).toMatchObject({
      action: 'send',
      channel: { $ref: '#/channels/sample.order.v1' },
      messages: [{ $ref: '#/channels/sample.order.v1/messages/sample.order.placed' }],
    });
  });

  it('gives each message the event JSON Schema as payload and the CloudEvents attributes as headers', () => {
    const message = at(document, 'components', 'messages', 'sample.order.placed') as JsonObject;
    const { $schema: _dialect, ...payload } = sampleProductEventSchema();
    expect(message['payload']).toEqual(payload);
    expect(at(message, 'headers', 'properties', 'type')).toEqual({ type: 'string', const: 'sample.order.placed' });
    expect(at(message, 'headers', 'properties', 'dataschema')).toMatchObject({
      const: 'urn:mesh:schema:sample.order.placed:v1',
    });
    expect(at(message, 'headers', 'required')).toEqual([
      'id',
      'source',
      'type',
      'specversion',
      'time',
      'subject',
      'dataschema',
      'datacontenttype',
    ]);
    expect(message['examples']).toEqual([expect.objectContaining({ payload: sampleProduct.events[0].example })]);
  });

  it("receives each input stream on a channel addressed by the Redis key of the other domain's stream", () => {
    expect(at(document, 'channels', 'other.thing.v1')).toMatchObject({
      address: '{other.thing.v1}',
      title: 'other.thing.v1',
      description: expect.stringContaining('Redis Stream key `{other.thing.v1}`; the braces are a Redis Cluster hash tag'),
      'x-producer': 'other',
    });
    expect(at(document, 'operations', 'consume.other.thing.v1.sample')).toMatchObject({
      action: 'receive',
      channel: { $ref: '#/channels/other.thing.v1' },
      messages: [{ $ref: '#/channels/other.thing.v1/messages/other.thing.happened' }],
      'x-consumer-group': 'sample',
    });
  });
});

function sampleProductEventSchema() {
  return sampleProduct.events[0].jsonSchema;
}
