import { decodeStreamEntry, encodeStreamEntry, EventCatalog, EventEnvelope } from '@mesh/contract-kit';

/** An event that passed its contract, with the stream the contract names. */
export interface OutgoingEvent {
  envelope: EventEnvelope;
  stream: string;
}

/** Why an event cannot be published; `reason` says what is wrong, `cause` holds the validation error if any. */
export class UnpublishableEventError extends Error {
  constructor(
    readonly event: EventEnvelope,
    readonly reason: string,
    options?: { cause: unknown },
  ) {
    super(`cannot publish ${event.type} ${event.id}: ${reason}`, options);
    this.name = 'UnpublishableEventError';
  }
}

/**
 * The one check of whether an event can be published, applied by every outbox when it stores
 * an event and by the publisher when it writes one, so that what an outbox accepts can always
 * be published: a type this producer owns, its source and schema version, a subject (the
 * aggregate id, by which consumers keep order), attributes that survive the stream entry round
 * trip (UUIDv7 id, RFC 3339 time, trace context format) and data that passes the strict validator.
 * @throws UnpublishableEventError naming the event and what is wrong with it.
 */
export function checkPublishable(catalog: EventCatalog, event: EventEnvelope): OutgoingEvent {
  const contract = catalog.get(event.type);
  if (!contract) {
    throw new UnpublishableEventError(event, `not an event type of this producer (${catalog.types().join(', ')})`);
  }
  if (event.source !== contract.source) {
    throw new UnpublishableEventError(event, `source ${event.source} is not ${contract.source}`);
  }
  if (event.dataschema !== contract.dataschema) {
    throw new UnpublishableEventError(event, `dataschema ${event.dataschema} is not ${contract.dataschema}`);
  }
  if (!event.subject) {
    throw new UnpublishableEventError(event, 'subject (the aggregate id) is required');
  }
  try {
    decodeStreamEntry(encodeStreamEntry(event));
    contract.parseStrict(event.data);
  } catch (error) {
    throw new UnpublishableEventError(event, (error as Error).message, { cause: error });
  }
  return { envelope: event, stream: contract.stream };
}
