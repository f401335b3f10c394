import { v7 as uuidv7 } from 'uuid';

import { EventContract } from '../schema/define-event';
import { EventEnvelope } from './event-envelope';

export interface NewEvent<TData> {
  subject: string;
  data: TData;
  /** Defaults to a new UUIDv7; pass one to make a retried publication idempotent. */
  id?: string;
  /** Defaults to now. */
  time?: Date;
  traceparent?: string;
  correlationid?: string;
  causationid?: string;
}

/**
 * Builds the envelope of a new event of `contract`, validating its data strictly so that an
 * invalid event is refused before anything is written anywhere.
 * @throws EventValidationError naming each broken field and rule.
 */
export function createEvent<TData>(contract: EventContract<TData>, event: NewEvent<TData>): EventEnvelope<TData> {
  if (!event.subject) {
    throw new Error(`${contract.type}: subject (the aggregate id) is required`);
  }
  const envelope: EventEnvelope<TData> = {
    specversion: '1.0',
    id: event.id ?? uuidv7(),
    source: contract.source,
    type: contract.type,
    subject: event.subject,
    time: (event.time ?? new Date()).toISOString(),
    dataschema: contract.dataschema,
    datacontenttype: 'application/json',
    data: contract.parseStrict(event.data),
  };
  if (event.traceparent) envelope.traceparent = event.traceparent;
  if (event.correlationid) envelope.correlationid = event.correlationid;
  if (event.causationid) envelope.causationid = event.causationid;
  return envelope;
}
