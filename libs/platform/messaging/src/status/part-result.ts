/** The message of an error and of the causes behind it, e.g. `XINFO GROUPS {s} failed: NOPERM …`. */
export function describeError(error: unknown): string {
  const messages: string[] = [];
  for (let current = error; current !== undefined && messages.length < 4;) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && !messages.includes(message)) messages.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return messages.join(': ') || 'unknown error';
}

/** A part's value, or the reason it has none. */
export type PartResult<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

/**
 * Runs one part of a measurement, never longer than `ms`: its value, or the reason it has none.
 * The part itself may run on after the time is up; its result is then dropped.
 */
export async function measurePart<T>(part: () => Promise<T>, ms: number): Promise<PartResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return { value: await Promise.race([part(), timeout]) };
  } catch (error) {
    return { error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}
