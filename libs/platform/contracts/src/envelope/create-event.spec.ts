import { EventValidationError } from '../schema/event-validation-error';
import { sampleOrderPlaced } from '../testing/sample-contract';
import { createEvent } from './create-event';

describe('createEvent', () => {
  it('builds a CloudEvents 1.0 envelope with a UUIDv7 id', () => {
    const before = Date.now();
    const event = createEvent(sampleOrderPlaced, { subject: 'order-1', data: sampleOrderPlaced.example });

    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/sample',
      type: 'sample.order.placed',
      subject: 'order-1',
      dataschema: 'urn:mesh:schema:sample.order.placed:v1',
      datacontenttype: 'application/json',
      data: sampleOrderPlaced.example,
    });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(event.time)).toBeGreaterThanOrEqual(before - 1);
    expect(event).not.toHaveProperty('traceparent');
  });

  it('gives time-ordered ids', () => {
    const ids = Array.from({ length: 50 }, () =>
      createEvent(sampleOrderPlaced, { subject: 's', data: sampleOrderPlaced.example }).id,
    );
    expect([...ids].sort()).toEqual(ids);
  });

  it('refuses invalid data before anything else happens', () => {
    const data = { ...sampleOrderPlaced.example, currency: 'XXX' } as never;
    expect(() => createEvent(sampleOrderPlaced, { subject: 's', data })).toThrow(EventValidationError);
  });

  it('refuses an event without a subject', () => {
    expect(() => createEvent(sampleOrderPlaced, { subject: '', data: sampleOrderPlaced.example })).toThrow(
      /subject \(the aggregate id\) is required/,
    );
  });
});
