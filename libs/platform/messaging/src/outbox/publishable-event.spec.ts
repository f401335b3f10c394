import { createEvent, EventEnvelope } from '@mesh/contract-kit';

import { testStream } from '../testing/test-streams';
import { checkPublishable, UnpublishableEventError } from './publishable-event';

describe('checkPublishable, the one check of every outbox and the publisher', () => {
  const { catalog, itemCounted, stream } = testStream();
  const event = createEvent(itemCounted, { subject: 'item-1', data: { itemId: 'item-1', amount: 3 } });

  it('returns the event with the stream its contract names', () => {
    expect(checkPublishable(catalog, event)).toEqual({ envelope: event, stream });
  });

  it.each([
    [
      'an unknown type',
      { type: 'test.item.lost' },
      'not an event type of this producer (test.item.counted, test.item.noted)',
    ],
    ['another source', { source: '/elsewhere' }, 'source /elsewhere is not /test'],
    [
      'another schema version',
      { dataschema: 'urn:mesh:schema:test.item.counted:v9' },
      /^dataschema .*:v9 is not .*:v1$/,
    ],
    ['no subject', { subject: '' }, 'subject (the aggregate id) is required'],
    ['an id that is not a UUIDv7', { id: '6f1c6e2a-2f5b-4c1e-9d7a-1b2c3d4e5f60' }, /is not a UUIDv7/],
    ['data that breaks the schema', { data: { itemId: 'x', amount: 'many' } }, /data is invalid/],
    ['an unknown data field', { data: { itemId: 'x', amount: 1, extra: true } }, /data is invalid/],
  ])('refuses %s, saying why', (_case, change, reason) => {
    const wrong = { ...event, ...change } as EventEnvelope;
    let refusal: unknown;
    try {
      checkPublishable(catalog, wrong);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UnpublishableEventError);
    const { reason: said, message } = refusal as UnpublishableEventError;
    if (typeof reason === 'string') expect(said).toBe(reason);
    else expect(said).toMatch(reason);
    expect(message).toBe(`cannot publish ${wrong.type} ${wrong.id}: ${said}`);
  });
});
