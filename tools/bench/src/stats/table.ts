export interface Column {
  header: string;
  align: 'left' | 'right';
}

/** A plain-text table: a header, a rule and the rows, each column padded to its widest cell. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  for (const row of rows) {
    if (row.length !== columns.length) {
      throw new Error(`a table row has ${row.length} cells for ${columns.length} columns: ${row.join(' | ')}`);
    }
  }
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map((row) => row[index].length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) =>
        columns[index].align === 'right' ? cell.padStart(widths[index]) : cell.padEnd(widths[index]),
      )
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  return [line(columns.map((column) => column.header)), rule, ...rows.map(line)].join('\n');
}

const missing = '–';

/** A whole number with thousands separators, e.g. `123,456`. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : missing;
}

/** Milliseconds with a precision that suits the magnitude: `0.42`, `3.1`, `1,250`. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return missing;
  if (value < 1) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return formatCount(value);
}

/** CPU milliseconds per request, to three significant digits (a cost of a few percent shows): `0.842`, `1.23`. */
export function formatCpuMs(value: number): string {
  if (!Number.isFinite(value)) return missing;
  return value < 1_000 ? value.toPrecision(3) : formatCount(value);
}

/** A ratio such as `0.45×`, or a dash when there is none. */
export function formatRatio(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return missing;
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)}×`;
}
