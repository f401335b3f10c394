import { decodeStreamEntry, encodeStreamEntry, EventCatalog, EventEnvelope } from '@mesh/contract-kit';

/** An event checked for the outbox, with the stream its contract names. */
export interface OutboxEvent {
  envelope: EventEnvelope;
  stream: string;
}

/**
 * Checks an event as strictly as the publisher will when the relay sends it, so that what the
 * outbox accepts can always be published: a producer's own type and schema version, data that
 * passes the strict validator, and attributes that survive the stream entry round trip (UUIDv7
 * id, RFC 3339 time, trace context format) that consumers apply.
 * @throws Error naming the event, with the validation error as its cause.
 */
export function checkOutboxEvent(catalog: EventCatalog, event: EventEnvelope): OutboxEvent {
  const what = `${event.type} ${event.id}`;
  const contract = catalog.get(event.type);
  if (!contract) {
    throw new Error(`outbox: cannot add ${what}: not an event type of this producer (${catalog.types().join(', ')})`);
  }
  if (event.dataschema !== contract.dataschema) {
    throw new Error(`outbox: cannot add ${what}: dataschema ${event.dataschema} is not ${contract.dataschema}`);
  }
  if (!event.subject) {
    throw new Error(`outbox: cannot add ${what}: subject (the aggregate id) is required`);
  }
  try {
    decodeStreamEntry(encodeStreamEntry(event));
    contract.parseStrict(event.data);
  } catch (error) {
    throw new Error(`outbox: cannot add ${what}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { envelope: event, stream: contract.stream };
}
