/** How the soak runs: from `npm run soak -- [--minutes N] [--no-build] [--without-retention]`. */
export interface SoakSettings {
  minutes: number;
  build: boolean;
  /**
   * Run with the production retention (a week of replay, days of inbox…): nothing is trimmed
   * within the run, so the plateau check must fail. Proves that the check can fail.
   */
  withoutRetention: boolean;
  /** The compressed replay window every retention setting is derived from. */
  windowSeconds: number;
  sampleEverySeconds: number;
  /** How often the long-lived replicas' memory is measured after a full garbage collection. */
  collectEverySeconds: number;
  /** One replica is SIGKILLed and restarted this often, in turn. */
  killEverySeconds: number;
  /** Redis and the MongoDB-compatible store are each down this long, once. */
  storeDownMs: number;
  customers: number;
  orderWorkers: number;
  orderPauseMs: number;
  maxOpenOrders: number;
}

/** The compressed replay window: a week of replay in 30 s, so 30 minutes pass 60 of them. */
export const WINDOW_SECONDS = 30;

export const USAGE = 'usage: npm run soak -- [--minutes N] [--no-build] [--without-retention]';

export function soakSettings(argv: readonly string[]): SoakSettings {
  let minutes = 10;
  const flags = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--minutes') {
      minutes = Number(argv[(index += 1)]);
      if (!Number.isInteger(minutes) || minutes < 3 || minutes > 24 * 60)
        throw new Error(`--minutes takes a whole number from 3 to 1440, got "${argv[index]}"; ${USAGE}`);
    } else if (argument === '--no-build' || argument === '--without-retention') {
      flags.add(argument);
    } else {
      throw new Error(`unknown argument ${argument}; ${USAGE}`);
    }
  }
  return {
    minutes,
    build: !flags.has('--no-build'),
    withoutRetention: flags.has('--without-retention'),
    // The longest retention (3 windows) has passed before the middle third of even the shortest
    // run starts. A longer run passes more windows rather than longer ones: what each window holds
    // stays the same size, which the MongoDB-compatible store needs (FerretDB v1 scans the whole
    // customers collection for every conditional write, so its cost grows with what is kept).
    windowSeconds: WINDOW_SECONDS,
    sampleEverySeconds: 10,
    collectEverySeconds: 30,
    killEverySeconds: 60,
    storeDownMs: 5_000,
    customers: 30,
    orderWorkers: 2,
    // About 4 orders (9 events) a second: what customers on FerretDB v1 sustains with two replicas
    // (at twice that, FerretDB ran at 125 % CPU and the customers group fell past the cap).
    orderPauseMs: 250,
    maxOpenOrders: 40,
  };
}

/**
 * The services' retention settings, every one derived from the window W so that months of
 * operation fit in minutes: streams keep W (cap 2W); dead letters and sent outbox rows W; inbox
 * records and ended order facts 3W (the cap plus the dead-letter window, as the READMEs require);
 * Idempotency-Keys 2W (longer than any retry of the traffic); consumers of killed replicas go
 * after W idle. Trimming runs six times per window. A customer document remembers its last 20
 * applied event ids instead of 1,000: a count, compressed like the durations so that the sum over
 * all customers levels off within minutes.
 */
export function retentionEnv(settings: SoakSettings): Record<string, string> {
  const w = settings.windowSeconds;
  const interval = { STREAM_TRIM_INTERVAL_SECONDS: String(Math.max(1, Math.round(w / 6))) };
  if (settings.withoutRetention) return interval;
  const hours = (seconds: number) => (seconds / 3_600).toFixed(9);
  const days = (seconds: number) => (seconds / 86_400).toFixed(9);
  return {
    ...interval,
    STREAM_REPLAY_WINDOW_HOURS: hours(w),
    STREAM_REPLAY_CAP_HOURS: hours(2 * w),
    DEAD_LETTERS_KEPT_DAYS: days(w),
    OUTBOX_SENT_KEPT_HOURS: hours(w),
    INBOX_KEPT_DAYS: days(3 * w),
    ORDER_FACTS_KEPT_DAYS: days(3 * w),
    ORDERS_IDEMPOTENCY_KEY_TTL_HOURS: hours(2 * w),
    IDLE_CONSUMER_REMOVED_AFTER_SECONDS: String(w),
    INBOX_KEPT_PER_DOCUMENT: '20',
  };
}
