import { EventCatalog, EventEnvelope } from '@mesh/contract-kit';

/**
 * Checks an event strictly against its contract, as the publisher will, and returns the stream
 * it goes to. Both sides of the outbox use it: the writer so that an invalid event is refused
 * before anything is written, the relay so that one unpublishable event cannot fail a batch.
 * @throws Error naming the event and what is wrong with it.
 */
export function checkEvent(catalog: EventCatalog, event: EventEnvelope): string {
  const what = `event ${event.type} ${event.id} (subject ${event.subject})`;
  const contract = catalog.get(event.type);
  if (!contract) {
    throw new Error(`${what}: not an event type of this outbox (${catalog.types().join(', ')})`);
  }
  if (event.source !== contract.source || event.dataschema !== contract.dataschema) {
    throw new Error(
      `${what}: source ${event.source} and dataschema ${event.dataschema} are not ${contract.source} and ${contract.dataschema}`,
    );
  }
  try {
    contract.parseStrict(event.data);
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
  }
  return contract.stream;
}
