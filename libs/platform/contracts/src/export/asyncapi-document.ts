import { streamKey, streamKeyNote } from '../envelope/stream-key';
import type { DataProduct, DataProductManifest, InputPortDefinition, StreamReplay } from '../product/data-product';
import type { EventContract } from '../schema/define-event';
import { cloudEventHeaders, exampleHeaders } from './cloudevents-headers';
import { embedSchema } from './embedded-schema';
import { DEFAULT_EVENT_BUS_HOST } from './event-bus';
import type { JsonObject, JsonValue } from './json-document';
import { contactOf } from './owner-contact';

export interface AsyncApiOptions {
  /** The event bus as `host:port`; the document's server (deployments point REDIS_URL elsewhere). */
  eventBusHost?: string;
}

/**
 * The product's event interface as an AsyncAPI 3.0 document: one channel per output stream, named
 * and titled by the stream and addressed by its Redis key (`streamKey`: `{orders.order.v1}`, the
 * key a consumer reads, not the bare name), with a message per event type (payload = its JSON
 * Schema, headers = the CloudEvents attributes), a `send` operation per output stream, and a
 * `receive` operation per input port on a channel addressed by the other domain's stream key. The
 * other domain's payloads are not repeated: its own document defines them. AsyncAPI reads `{…}`
 * in an address as a parameter only when the name is letters, digits, `_` and `-`; stream names
 * have dots, so the address is the literal key.
 */
export function toAsyncApi(product: DataProduct, options: AsyncApiOptions = {}): JsonObject {
  const { manifest } = product;
  const parts: DocumentParts = { channels: {}, operations: {}, messages: {}, schemas: {} };
  for (const port of product.definition.outputPorts.streams) addOutputPort(parts, manifest, port);
  for (const port of manifest.inputPorts) addInputPort(parts, port);

  const { channels, operations, messages, schemas } = parts;
  const components: JsonObject = { messages };
  if (Object.keys(schemas).length > 0) components['schemas'] = schemas;
  return {
    asyncapi: '3.0.0',
    id: `urn:mesh:product:${manifest.name}`,
    info: {
      title: manifest.title,
      version: manifest.version,
      description: manifest.description,
      contact: contactOf(manifest.owner),
      tags: [{ name: 'data-product' }, { name: `domain:${manifest.domain}` }],
    },
    defaultContentType: 'application/json',
    servers: {
      'event-bus': {
        host: options.eventBusHost ?? DEFAULT_EVENT_BUS_HOST,
        protocol: 'redis',
        description:
          'The mesh event bus: Redis Streams, one stream per output port and major version. ' +
          "A channel's address is the Redis key of its stream.",
      },
    },
    channels,
    operations,
    components,
  };
}

/** The sections of the document that the ports fill in. */
interface DocumentParts {
  channels: JsonObject;
  operations: JsonObject;
  messages: JsonObject;
  schemas: JsonObject;
}

type OutputStreamDefinition = DataProduct['definition']['outputPorts']['streams'][number];

/** An output stream: its channel, a message per event type, and the `send` operation. */
function addOutputPort(parts: DocumentParts, manifest: DataProductManifest, port: OutputStreamDefinition): void {
  const refs: JsonObject = {};
  for (const event of port.events) {
    const { message, definitions } = messageOf(event);
    parts.messages[event.type] = message;
    Object.assign(parts.schemas, definitions);
    refs[event.type] = { $ref: `#/components/messages/${pointerToken(event.type)}` };
  }
  const { replay } = manifestPortOf(manifest, port.stream);
  parts.channels[port.stream] = {
    address: streamKey(port.stream),
    title: port.stream,
    description: `${port.description} ${streamKeyNote(port.stream)} ${replayNote(replay)}`,
    messages: refs,
    'x-replay': { ...replay },
  };
  parts.operations[`publish.${port.stream}`] = {
    action: 'send',
    title: `Publish to ${port.stream}`,
    summary: `${manifest.domain} publishes ${port.events.map((event) => event.type).join(', ')}.`,
    channel: { $ref: `#/channels/${pointerToken(port.stream)}` },
    messages: port.events.map((event) => ({
      $ref: `#/channels/${pointerToken(port.stream)}/messages/${pointerToken(event.type)}`,
    })),
  };
}

/** An input port: the other domain's channel (unless this product also publishes on it) and the `receive` operation. */
function addInputPort(parts: DocumentParts, port: InputPortDefinition): void {
  parts.channels[port.stream] ??= inputChannelOf(port);
  parts.operations[`consume.${port.stream}.${port.group}`] = {
    action: 'receive',
    title: `Consume ${port.stream} as group ${port.group}`,
    summary: port.description,
    description:
      `Consumer group \`${port.group}\` reads ${port.stream} (published by ${port.from}); ` +
      'other event types on it are acknowledged and ignored.',
    channel: { $ref: `#/channels/${pointerToken(port.stream)}` },
    messages: port.eventTypes.map((type) => ({
      $ref: `#/channels/${pointerToken(port.stream)}/messages/${pointerToken(type)}`,
    })),
    'x-consumer-group': port.group,
  };
}

function messageOf(event: EventContract): { message: JsonObject; definitions: JsonObject } {
  const { schema, definitions } = embedSchema(event.jsonSchema, event.type, '#/components/schemas');
  const message: JsonObject = {
    name: event.type,
    title: `${event.type} v${event.version}`,
    summary: event.description,
    contentType: 'application/json',
    correlationId: {
      description: 'Shared by every event of one business flow.',
      location: '$message.header#/correlationid',
    },
    headers: cloudEventHeaders(event),
    payload: schema,
    examples: [{ name: 'example', headers: exampleHeaders(event), payload: event.example as JsonValue }],
    'x-dataschema': event.dataschema,
  };
  return { message, definitions };
}

/** Another domain's stream: the messages this domain handles, named, their payloads defined by the producer. */
function inputChannelOf(port: InputPortDefinition): JsonObject {
  const messages: JsonObject = {};
  for (const type of port.eventTypes) {
    messages[type] = {
      name: type,
      title: type,
      summary: `Published by ${port.from}; its payload is defined in the ${port.from} domain's AsyncAPI document.`,
      contentType: 'application/json',
      headers: { type: 'object', properties: { type: { type: 'string', const: type } }, required: ['type'] },
    };
  }
  return {
    address: streamKey(port.stream),
    title: port.stream,
    description: `Output stream of the ${port.from} domain. ${streamKeyNote(port.stream)}`,
    messages,
    'x-producer': port.from,
  };
}

function manifestPortOf(manifest: DataProductManifest, stream: string) {
  const port = manifest.outputPorts.streams.find((candidate) => candidate.stream === stream);
  if (!port) throw new Error(`${stream} is not an output stream of ${manifest.name}`);
  return port;
}

/** The replay window as a consumer reads it. */
function replayNote(replay: StreamReplay): string {
  return (
    `Replay window: ${replay.windowHours} h of history is always kept; entries older than ${replay.capHours} h ` +
    'are trimmed even when a consumer group has not read them (that group is reported).'
  );
}

/** Escapes a key for use in a JSON pointer (`/` and `~`). */
function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
