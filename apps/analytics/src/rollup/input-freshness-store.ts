/**
 * Per input stream, the time of the newest applied event (which the live handlers record) and the
 * age the rollup last measured. An abstract class so that it doubles as the DI token; the store
 * module binds it to the SQL implementation.
 */
export abstract class InputFreshnessStore {
  /** Stores each stream's age as of `now` as its measured age, and returns it, in seconds per stream. */
  abstract recordAges(now: Date): Promise<Record<string, number>>;

  /** Each stream's age as of `now`, in seconds per stream, without storing it. */
  abstract ages(now: Date): Promise<Record<string, number>>;
}
