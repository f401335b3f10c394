/** Lines that `generated` has in place of lines of `original` (a pure insertion removes none). */
interface Hunk {
  removed: string[];
  added: string[];
}

/**
 * Takes back the changes that turned `original` into `generated` from `current`, a later version
 * of the file that someone else may have edited too. Each changed block of lines is found by its
 * generated lines, which hold the generated domain's name and so occur once; edits elsewhere, even
 * on the next line, are kept.
 * @returns the file without the changes, or undefined when a block is not found exactly once.
 */
export function takeBackGeneratedChange(original: string, generated: string, current: string): string | undefined {
  let lines = current.split('\n');
  for (const hunk of hunks(original.split('\n'), generated.split('\n'))) {
    const at = indexOfBlock(lines, hunk.added);
    if (at < 0 || hunk.added.length === 0 || indexOfBlock(lines, hunk.added, at + 1) >= 0) return undefined;
    lines = [...lines.slice(0, at), ...hunk.removed, ...lines.slice(at + hunk.added.length)];
  }
  return lines.join('\n');
}

/** The changed blocks between two versions, from their longest common subsequence of lines. */
function hunks(before: string[], after: string[]): Hunk[] {
  // common[i][j]: length of the LCS of before[i..] and after[j..]; files here are a few hundred lines.
  const common = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i -= 1) {
    for (let j = after.length - 1; j >= 0; j -= 1) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const found: Hunk[] = [];
  let hunk: Hunk = { removed: [], added: [] };
  const close = () => {
    if (hunk.removed.length > 0 || hunk.added.length > 0) found.push(hunk);
    hunk = { removed: [], added: [] };
  };
  let [i, j] = [0, 0];
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      close();
      i += 1;
      j += 1;
    } else if (j < after.length && (i === before.length || common[i][j + 1] >= common[i + 1][j])) {
      hunk.added.push(after[j]);
      j += 1;
    } else {
      hunk.removed.push(before[i]);
      i += 1;
    }
  }
  close();
  return found;
}

function indexOfBlock(lines: readonly string[], block: readonly string[], from = 0): number {
  for (let at = from; at + block.length <= lines.length; at += 1) {
    if (block.every((line, offset) => lines[at + offset] === line)) return at;
  }
  return -1;
}
