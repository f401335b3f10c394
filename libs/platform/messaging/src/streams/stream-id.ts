/** Compares Redis stream entry ids (`<ms>-<seq>`) numerically. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs, aSeq] = split(a);
  const [bMs, bSeq] = split(b);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}

export function minStreamId(ids: string[]): string {
  return ids.reduce((lowest, id) => (compareStreamIds(id, lowest) < 0 ? id : lowest));
}

/** The first entry id at or after a point in time. */
export function streamIdAt(time: number): string {
  return `${Math.max(0, Math.floor(time))}-0`;
}

function split(id: string): [bigint, bigint] {
  const [ms, seq = '0'] = id.split('-');
  return [BigInt(ms), BigInt(seq)];
}
