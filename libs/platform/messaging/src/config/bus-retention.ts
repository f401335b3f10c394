import { ConfigValidationError, envInt, envNumber } from '@mesh/service';
import { z } from 'zod';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long a domain keeps what its event bus leaves behind. Durations take decimals, so that a
 * soak can compress months into minutes (`INBOX_KEPT_DAYS=0.002` is about three minutes).
 */
export const busRetentionVariables = {
  /** How often the domain's trimmer trims its streams (StreamRetention) and prunes its inbox. */
  STREAM_TRIM_INTERVAL_SECONDS: envInt({ min: 1 }).default(60),
  /**
   * Replace every output stream's declared replay window and cap (manifest `replay`). For soaks
   * and tests that need minutes instead of days; a production stack keeps what the contract says.
   */
  STREAM_REPLAY_WINDOW_HOURS: envNumber({ above: 0 }).optional(),
  STREAM_REPLAY_CAP_HOURS: envNumber({ above: 0 }).optional(),
  /** Dead letters and redrive entries older than this are trimmed: long enough for someone to look at them. */
  DEAD_LETTERS_KEPT_DAYS: envNumber({ above: 0 }).default(14),
  /**
   * Inbox records older than this are pruned: it must outlast every delivery of an event that can
   * still come, i.e. the input streams' cap plus DEAD_LETTERS_KEPT_DAYS.
   */
  INBOX_KEPT_DAYS: envNumber({ above: 0 }).default(30),
  /**
   * Applied event ids a MongoDB document remembers (`applyEventOnce`'s `keep`): a redelivery is
   * recognised while fewer than this many other events have changed the same document since.
   */
  INBOX_KEPT_PER_DOCUMENT: envInt({ min: 1 }).default(1_000),
  /** Outbox rows already published are kept this long for inspection, then deleted. */
  OUTBOX_SENT_KEPT_HOURS: envNumber({ above: 0 }).default(1),
};

type BusRetentionEnv = z.output<z.ZodObject<typeof busRetentionVariables>>;

/** A replay window and cap that replace the manifest's for every output stream. */
export interface ReplayOverride {
  windowMs: number;
  capMs: number;
}

export interface BusRetention {
  intervalMs: number;
  replayOverride?: ReplayOverride;
  deadLettersKeptMs: number;
  inboxKeptMs: number;
  inboxKeptPerDocument: number;
  outboxSentKeptMs: number;
}

export function busRetention(env: BusRetentionEnv): BusRetention {
  const window = env.STREAM_REPLAY_WINDOW_HOURS;
  const cap = env.STREAM_REPLAY_CAP_HOURS;
  if ((window === undefined) !== (cap === undefined) || (window !== undefined && cap !== undefined && cap < window)) {
    throw new ConfigValidationError([
      {
        variable: 'STREAM_REPLAY_CAP_HOURS',
        message: 'set it together with STREAM_REPLAY_WINDOW_HOURS, at least as large',
      },
    ]);
  }
  return {
    intervalMs: env.STREAM_TRIM_INTERVAL_SECONDS * 1_000,
    ...(window !== undefined && cap !== undefined
      ? { replayOverride: { windowMs: window * HOUR_MS, capMs: cap * HOUR_MS } }
      : {}),
    deadLettersKeptMs: env.DEAD_LETTERS_KEPT_DAYS * DAY_MS,
    inboxKeptMs: env.INBOX_KEPT_DAYS * DAY_MS,
    inboxKeptPerDocument: env.INBOX_KEPT_PER_DOCUMENT,
    outboxSentKeptMs: env.OUTBOX_SENT_KEPT_HOURS * HOUR_MS,
  };
}
