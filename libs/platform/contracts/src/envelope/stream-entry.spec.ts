import { sampleOrderPlaced } from '../testing/sample-contract';
import { createEvent } from './create-event';
import { MalformedEventError } from './malformed-event-error';
import { decodeStreamEntry, encodeStreamEntry } from './stream-entry';

const event = createEvent(sampleOrderPlaced, {
  subject: sampleOrderPlaced.example.orderId,
  data: sampleOrderPlaced.example,
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  correlationid: 'checkout-42',
});

function fieldsWith(changes: Record<string, string | undefined>): string[] {
  const values = new Map<string, string>();
  const fields = encodeStreamEntry(event);
  for (let index = 0; index < fields.length; index += 2) values.set(fields[index], fields[index + 1]);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) values.delete(name);
    else values.set(name, value);
  }
  return [...values].flat();
}

describe('stream entry encoding', () => {
  it('writes the attributes as fields and data as JSON', () => {
    const fields = encodeStreamEntry(event);
    expect(fields.slice(0, 6)).toEqual(['id', event.id, 'source', '/sample', 'type', 'sample.order.placed']);
    expect(fields.slice(-2)).toEqual(['data', JSON.stringify(sampleOrderPlaced.example)]);
    expect(fields).toContain('traceparent');
    expect(fields).not.toContain('causationid');
  });

  it('round-trips an envelope', () => {
    expect(decodeStreamEntry(encodeStreamEntry(event))).toEqual(event);
  });

  it.each([
    ['data that is not JSON', { data: '{oops' }, /data is not JSON/],
    ['a missing id', { id: undefined }, /missing attribute\(s\): id/],
    ['an id that is not a UUIDv7', { id: '6f1c6e2a-2f5b-4c1e-9d7a-1b2c3d4e5f60' }, /is not a UUIDv7/],
    ['missing type and data', { type: undefined, data: undefined }, /missing attribute\(s\): type, data/],
    ['another specversion', { specversion: '0.3' }, /specversion "0.3" is not 1.0/],
    ['a bad time', { time: 'yesterday' }, /time "yesterday" is not an RFC 3339 timestamp/],
    ['a bad traceparent', { traceparent: 'abc' }, /traceparent "abc" is not W3C trace context/],
  ])('refuses %s with a reason', (_case, changes, reason) => {
    const attempt = () => decodeStreamEntry(fieldsWith(changes));
    expect(attempt).toThrow(MalformedEventError);
    expect(attempt).toThrow(reason);
  });
});
