import { readFileSync, statSync } from 'node:fs';

/** Current size of a log, so that a failure shows only what the failed start wrote. */
export function logSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The last lines a log received after `fromOffset`, indented, to show why a server did not start. */
export function tailLog(file: string, fromOffset = 0, lines = 15): string {
  let text: string;
  try {
    text = readFileSync(file).subarray(fromOffset).toString('utf8').trimEnd();
  } catch {
    return `    (no log at ${file})`;
  }
  if (text === '') return `    (nothing written to ${file})`;
  return text
    .split('\n')
    .slice(-lines)
    .map((line) => `    ${line}`)
    .join('\n');
}
