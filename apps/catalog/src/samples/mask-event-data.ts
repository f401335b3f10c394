/** What a classified value is replaced with: says that something is there and why it is hidden. */
export function maskOf(classification: string): string {
  return `[masked: ${classification}]`;
}

/**
 * A copy of an event's data with every classified field replaced by `maskOf(classification)`,
 * whatever its value (a string, a number, an object, a list). `pointers` are JSON pointers
 * without array levels (`/lines/sku` reaches `sku` in every line), as `classifiedPointers`
 * gives them; the input is never changed. `masked` lists the pointers that were found and hidden.
 */
export function maskEventData(
  data: unknown,
  pointers: ReadonlyMap<string, string>,
): { data: unknown; masked: string[] } {
  const copy: unknown = structuredClone(data);
  const masked: string[] = [];
  for (const [pointer, classification] of pointers) {
    const segments = pointer
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segments.length > 0 && maskAt(copy, segments, maskOf(classification))) masked.push(pointer);
  }
  return { data: copy, masked };
}

/** Replaces the value at `segments` under `node` (in every element of a list on the way); true when one was. */
function maskAt(node: unknown, segments: readonly string[], mask: string): boolean {
  if (Array.isArray(node)) {
    return node.map((element) => maskAt(element, segments, mask)).some(Boolean);
  }
  if (typeof node !== 'object' || node === null) return false;
  const record = node as Record<string, unknown>;
  const [head, ...rest] = segments;
  if (!Object.hasOwn(record, head)) return false;
  if (rest.length === 0) {
    record[head] = mask;
    return true;
  }
  return maskAt(record[head], rest, mask);
}
