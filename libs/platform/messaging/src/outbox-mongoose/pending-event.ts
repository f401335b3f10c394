import { decodeStreamEntry, encodeStreamEntry, EventEnvelope } from '@mesh/contract-kit';

/**
 * An event as it waits in a document's outbox: the stream entry's fields as a flat map of
 * strings, `data` as JSON. Strings only, because the relay removes it again by exact BSON
 * equality; and JSON data, because MongoDB-compatible servers refuse keys with `.` or `$`
 * that event data may legitimately hold.
 */
export type PendingEvent = Readonly<Record<string, string>>;

export function toPendingEvent(envelope: EventEnvelope): PendingEvent {
  const fields = encodeStreamEntry(envelope);
  const pending: Record<string, string> = {};
  for (let index = 0; index < fields.length; index += 2) {
    pending[fields[index]] = fields[index + 1];
  }
  return pending;
}

/** @throws MalformedEventError when the stored entry is not a valid envelope. */
export function fromPendingEvent(pending: PendingEvent): EventEnvelope {
  const fields = Object.entries(pending).flatMap(([name, value]) => [name, String(value)]);
  return decodeStreamEntry(fields);
}
