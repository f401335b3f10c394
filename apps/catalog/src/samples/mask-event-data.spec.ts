import { maskEventData, maskOf } from './mask-event-data';

describe('maskEventData', () => {
  const pii = new Map([['/email', 'pii']]);

  it('replaces a classified value with its classification, whatever its type, and lists it', () => {
    const data = { email: 'ada@example.com', country: 'GB' };
    expect(maskEventData(data, pii)).toEqual({ data: { email: '[masked: pii]', country: 'GB' }, masked: ['/email'] });
    expect(maskEventData({ email: { primary: 'ada@example.com' } }, pii).data).toEqual({ email: maskOf('pii') });
    expect(maskEventData({ email: ['a@example.com', 'b@example.com'] }, pii).data).toEqual({ email: maskOf('pii') });
  });

  it('reaches a field inside every element of a list, and nested objects', () => {
    const data = { lines: [{ sku: 'A', note: 'for Ada' }, { sku: 'B', note: 'for Bob' }], buyer: { name: 'Ada' } };
    const pointers = new Map([
      ['/lines/note', 'confidential'],
      ['/buyer/name', 'pii'],
    ]);
    expect(maskEventData(data, pointers)).toEqual({
      data: {
        lines: [
          { sku: 'A', note: '[masked: confidential]' },
          { sku: 'B', note: '[masked: confidential]' },
        ],
        buyer: { name: '[masked: pii]' },
      },
      masked: ['/lines/note', '/buyer/name'],
    });
  });

  it('leaves the input as it was, and data without the field unmasked', () => {
    const data = { email: 'ada@example.com' };
    maskEventData(data, pii);
    expect(data.email).toBe('ada@example.com');
    expect(maskEventData({ country: 'GB' }, pii)).toEqual({ data: { country: 'GB' }, masked: [] });
    expect(maskEventData(null, pii)).toEqual({ data: null, masked: [] });
  });

  it('reads escaped pointer segments (~1 is /, ~0 is ~)', () => {
    expect(maskEventData({ 'a/b': 'x', 'c~d': 'y' }, new Map([['/a~1b', 'pii'], ['/c~0d', 'pii']])).data).toEqual({
      'a/b': maskOf('pii'),
      'c~d': maskOf('pii'),
    });
  });
});
