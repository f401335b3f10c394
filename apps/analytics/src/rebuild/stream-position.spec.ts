import { compareEntryIds } from './stream-position';

describe('compareEntryIds', () => {
  it('orders by time then sequence, numerically rather than as text', () => {
    expect(compareEntryIds('1795831345617-5', '1795831345617-5')).toBe(0);
    expect(compareEntryIds('1795831345617-10', '1795831345617-9')).toBe(1);
    expect(compareEntryIds('999-0', '1000-0')).toBe(-1);
    expect(compareEntryIds('0-0', '1-0')).toBe(-1);
  });
});
