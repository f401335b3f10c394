import { createEvent } from '../envelope/create-event';
import { MalformedEventError } from '../envelope/malformed-event-error';
import { sampleOrderPlaced } from '../testing/sample-contract';
import { EventCatalog } from './event-catalog';

describe('EventCatalog', () => {
  const catalog = new EventCatalog([sampleOrderPlaced]);
  const event = createEvent(sampleOrderPlaced, { subject: 'o-1', data: sampleOrderPlaced.example });

  it('accepts a known event and ignores fields it does not know', () => {
    const withExtra = { ...event, data: { ...event.data, addedByANewerProducer: 1 } };
    expect(catalog.accept(withExtra).data).toMatchObject(sampleOrderPlaced.example);
  });

  it.each([
    ['an unknown type', { ...event, type: 'sample.order.lost' }, /unknown event type "sample.order.lost"/],
    ['another major version', { ...event, dataschema: 'urn:mesh:schema:sample.order.placed:v2' }, /dataschema/],
    ['invalid data', { ...event, data: { orderId: 'x' } }, /\/orderId must match format "uuid"/],
  ])('refuses %s as malformed, with the reason', (_case, envelope, reason) => {
    expect(() => catalog.accept(envelope)).toThrow(MalformedEventError);
    expect(() => catalog.accept(envelope)).toThrow(reason);
  });

  it('refuses to register one type twice', () => {
    expect(() => new EventCatalog([sampleOrderPlaced, sampleOrderPlaced])).toThrow(/registered twice/);
  });
});
