import { requestIdFrom } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it.each(['abc-123', 'trace.id:42_x', '0af7651916cd43dd8448eb211c80319c', 'a'.repeat(128)])(
    'keeps the sane id %s',
    (id) => {
      expect(requestIdFrom(id)).toBe(id);
    },
  );

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'a b'],
    ['with a quote', 'a"b'],
    ['with a newline', 'a\nlevel=error'],
    ['with non-ASCII', 'idé'],
    ['repeated header', ['a', 'b']],
  ])('generates a UUID when the header is %s', (_case, header) => {
    expect(requestIdFrom(header)).toMatch(UUID);
  });
});
