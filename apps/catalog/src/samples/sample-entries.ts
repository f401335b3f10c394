import { decodeStreamEntry } from '@mesh/contract-kit';

import type { CatalogManifest } from '../products/data-product-document.schema';
import { classifiedPointers } from '../schemas/classified-pointers';
import { schemaFields } from '../schemas/schema-fields';
import { maskEventData } from './mask-event-data';
import type { StreamSample } from './stream-sample';

/** An entry as XREVRANGE returns it: id, then field, value, field, value, … */
export type RawEntry = [entryId: string, fields: string[]];

type StreamPort = CatalogManifest['outputPorts']['streams'][number];

const none = { id: null, type: null, source: null, subject: null, time: null, dataschema: null, data: null };

/**
 * Entries of one output stream turned into samples that are safe to show: the data of each is
 * masked by the producer's classification (the manifest's classifiedFields and the schema's own
 * `classification` keywords). Data the catalog cannot classify never leaves it: an entry that is
 * not an event, or an event type the manifest does not list on this stream, keeps only its id.
 */
export function toSamples(entries: readonly RawEntry[], manifest: CatalogManifest, port: StreamPort): StreamSample[] {
  return entries.map(([entryId, fields]) => {
    let envelope: ReturnType<typeof decodeStreamEntry>;
    try {
      envelope = decodeStreamEntry(fields);
    } catch (error) {
      return { entryId, ...none, masked: [], withheld: `not a readable event: ${(error as Error).message}` };
    }
    const attributes = {
      entryId,
      id: envelope.id,
      type: envelope.type,
      source: envelope.source,
      subject: envelope.subject,
      time: envelope.time,
      dataschema: envelope.dataschema,
    };
    const event = port.events.find(
      (candidate) => candidate.type === envelope.type && candidate.dataschema === envelope.dataschema,
    );
    if (!event) {
      const withheld = `${manifest.name}'s manifest does not describe ${envelope.type} (${envelope.dataschema}) on ${port.stream}, so its fields cannot be classified`;
      return { ...attributes, data: null, masked: [], withheld };
    }
    const { data, masked } = maskEventData(envelope.data, classificationsOf(manifest, event));
    return { ...attributes, data, masked };
  });
}

/** The manifest's classified pointers of an event, plus those its schema marks itself. */
function classificationsOf(manifest: CatalogManifest, event: StreamPort['events'][number]): Map<string, string> {
  const pointers = classifiedPointers(manifest, event.type);
  for (const field of schemaFields(event.schema, pointers)) {
    if (field.classification && !pointers.has(field.pointer)) pointers.set(field.pointer, field.classification);
  }
  return pointers;
}
