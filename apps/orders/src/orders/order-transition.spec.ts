import { CANCEL, refusedTransitionMessage, SHIP } from './order-transition';

describe('refusedTransitionMessage', () => {
  it('says the current status and what the transition needs', () => {
    expect(refusedTransitionMessage('o-1', 'shipped', CANCEL)).toBe(
      'order o-1 is shipped; only a placed order can be cancelled',
    );
    expect(refusedTransitionMessage('o-2', 'cancelled', SHIP)).toBe(
      'order o-2 is cancelled; only a placed order can be shipped',
    );
  });
});
