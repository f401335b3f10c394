import { ConflictError, RuleViolationError } from '@mesh/service';

import { earlierResponse } from './idempotency-key';

const response = { id: 'o-1' } as never;

describe('earlierResponse', () => {
  it('replays the response the key got for the same request', () => {
    expect(earlierResponse({ key: 'k', requestHash: 'h', response }, 'h')).toBe(response);
  });

  it('refuses the key for another request (422)', () => {
    expect(() => earlierResponse({ key: 'k', requestHash: 'h', response }, 'other')).toThrow(
      new RuleViolationError('Idempotency-Key "k" was already used for another request; send a new key for a new order'),
    );
  });

  it('answers a key whose request has not answered yet with a conflict (409)', () => {
    expect(() => earlierResponse({ key: 'k', requestHash: 'h', response: null }, 'h')).toThrow(
      new ConflictError('a request with Idempotency-Key "k" is still in flight; retry later'),
    );
  });
});
