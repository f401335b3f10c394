import { formatCount, formatCpuMs, formatMs, formatRatio, formatTable } from './table';

describe('formatTable', () => {
  it('pads each column to its widest cell, aligned as asked, under a rule', () => {
    const table = formatTable(
      [
        { header: 'contender', align: 'left' },
        { header: 'events/s', align: 'right' },
      ],
      [
        ['raw ioredis', '250,000'],
        ['BullMQ', '9,000'],
      ],
    );
    expect(table.split('\n')).toEqual([
      'contender   | events/s',
      '------------|---------',
      'raw ioredis |  250,000',
      'BullMQ      |    9,000',
    ]);
  });

  it('lets a header be wider than its cells and trims trailing blanks', () => {
    const table = formatTable(
      [
        { header: 'a', align: 'left' },
        { header: 'notes', align: 'left' },
      ],
      [['xyz', '']],
    );
    expect(table.split('\n')).toEqual(['a   | notes', '----|------', 'xyz |']);
  });

  it('refuses a row with the wrong number of cells, showing it', () => {
    expect(() => formatTable([{ header: 'a', align: 'left' }], [['1', '2']])).toThrow(/2 cells for 1 columns: 1 \| 2/);
  });
});

describe('number formats', () => {
  it('formats counts with thousands separators, rounded', () => {
    expect(formatCount(1234567.6)).toBe('1,234,568');
    expect(formatCount(12)).toBe('12');
  });

  it('formats milliseconds by magnitude', () => {
    expect(formatMs(0.4242)).toBe('0.42');
    expect(formatMs(3.14159)).toBe('3.1');
    expect(formatMs(1250.4)).toBe('1,250');
  });

  it('formats CPU milliseconds to three significant digits', () => {
    expect(formatCpuMs(0.84249)).toBe('0.842');
    expect(formatCpuMs(1.2345)).toBe('1.23');
    expect(formatCpuMs(Number.NaN)).toBe('–');
  });

  it('formats ratios with a multiplication sign', () => {
    expect(formatRatio(0.4512)).toBe('0.45×');
    expect(formatRatio(12.34)).toBe('12.3×');
  });

  it('shows a dash for what is missing', () => {
    expect(formatCount(Number.NaN)).toBe('–');
    expect(formatMs(Number.NaN)).toBe('–');
    expect(formatRatio(undefined)).toBe('–');
  });
});
