import { envelopeAttributes, envelopeExtensions,EventEnvelope } from './event-envelope';
import { MalformedEventError } from './malformed-event-error';

/** What `XADD` writes and `XREADGROUP` returns: field, value, field, value, … */
export type StreamEntryFields = string[];

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const traceparentFormat = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Encodes an envelope as stream entry fields: the attributes as fields, `data` as JSON. */
export function encodeStreamEntry(envelope: EventEnvelope): StreamEntryFields {
  const fields: StreamEntryFields = [];
  for (const attribute of envelopeAttributes) {
    fields.push(attribute, envelope[attribute]);
  }
  for (const extension of envelopeExtensions) {
    const value = envelope[extension];
    if (value !== undefined) {
      fields.push(extension, value);
    }
  }
  fields.push('data', JSON.stringify(envelope.data));
  return fields;
}

/**
 * Decodes stream entry fields into an envelope whose `data` is parsed JSON but not yet checked
 * against its schema (the consumer does that with the contract of `type`).
 * @throws MalformedEventError naming what is wrong with the entry.
 */
export function decodeStreamEntry(fields: StreamEntryFields): EventEnvelope<unknown> {
  const values = new Map<string, string>();
  for (let index = 0; index + 1 < fields.length; index += 2) {
    values.set(fields[index], fields[index + 1]);
  }

  const missing = [...envelopeAttributes, 'data'].filter((name) => !values.get(name));
  if (missing.length > 0) {
    throw new MalformedEventError(`missing attribute(s): ${missing.join(', ')}`);
  }
  const id = values.get('id') as string;
  if (!uuidV7.test(id)) {
    throw new MalformedEventError(`id "${id}" is not a UUIDv7`);
  }
  if (values.get('specversion') !== '1.0') {
    throw new MalformedEventError(`specversion "${values.get('specversion')}" is not 1.0`);
  }
  if (values.get('datacontenttype') !== 'application/json') {
    throw new MalformedEventError(`datacontenttype "${values.get('datacontenttype')}" is not application/json`);
  }
  const time = values.get('time') as string;
  if (Number.isNaN(Date.parse(time))) {
    throw new MalformedEventError(`time "${time}" is not an RFC 3339 timestamp`);
  }
  const traceparent = values.get('traceparent');
  if (traceparent !== undefined && !traceparentFormat.test(traceparent)) {
    throw new MalformedEventError(`traceparent "${traceparent}" is not W3C trace context`);
  }

  return {
    specversion: '1.0',
    id,
    source: values.get('source') as string,
    type: values.get('type') as string,
    subject: values.get('subject') as string,
    time,
    dataschema: values.get('dataschema') as string,
    datacontenttype: 'application/json',
    data: parseData(values.get('data') as string),
    traceparent,
    correlationid: values.get('correlationid'),
    causationid: values.get('causationid'),
  };
}

function parseData(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new MalformedEventError(`data is not JSON: ${(error as Error).message}`, { cause: error });
  }
}
