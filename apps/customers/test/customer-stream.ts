import { EventCatalog, type EventEnvelope } from '@mesh/contract-kit';
import { CUSTOMER_STREAM, customerEvents } from '@mesh/customers-contracts';
import { eventsOnStream } from '@mesh/messaging/testing';
import type { Redis } from 'ioredis';

/** The events about one customer on `customers.customer.v1`, in stream order. */
export async function customerEventsOf(redis: Redis, customerId: string): Promise<EventEnvelope[]> {
  return (await eventsOnStream(redis, CUSTOMER_STREAM)).filter((event) => event.subject === customerId);
}

const customerCatalog = new EventCatalog(customerEvents);

/**
 * Checks an event read from the stream as strictly as a producer must: a known type of the
 * customers contracts, its source and schema id, and data without unknown fields.
 * @throws naming what is wrong.
 */
export function assertValidCustomerEvent(event: EventEnvelope): void {
  const contract = customerCatalog.get(event.type);
  if (!contract) throw new Error(`${event.type} is not a customers event type`);
  if (event.source !== contract.source || event.dataschema !== contract.dataschema) {
    throw new Error(`${event.type}: source ${event.source} / dataschema ${event.dataschema} do not match the contract`);
  }
  contract.parseStrict(event.data);
}
