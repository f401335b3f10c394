import { RequestValidationException } from '@mesh/service';

import { parseIdempotencyKey } from './idempotency-key.header';

describe('parseIdempotencyKey', () => {
  it('passes an absent header and a key of 1 to 200 characters', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('k')).toBe('k');
    expect(parseIdempotencyKey('x'.repeat(200))).toBe('x'.repeat(200));
  });

  it.each([
    ['an empty key', ''],
    ['a key of 201 characters', 'x'.repeat(201)],
    ['the header twice', ['a', 'b']],
  ])('refuses %s, naming the header', (_case, key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(RequestValidationException);
    expect(() => parseIdempotencyKey(key)).toThrow('Idempotency-Key: must be one header of 1 to 200 characters');
  });
});
