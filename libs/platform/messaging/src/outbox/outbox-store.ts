import type { OutboxBacklog } from '../metrics/messaging-metrics';
import type { OutgoingEvent } from './publishable-event';

/** The events a store hands the relay in one round, in the order they must be published. */
export interface PendingEvents {
  readonly events: readonly OutgoingEvent[];
}

/**
 * Decides which replica's relay is the domain's active one (a PostgreSQL advisory lock, a
 * MongoDB lease). Only the holder publishes, so the domain's streams have one writer.
 */
export interface RelayLeadership {
  /** Whether this replica holds the leadership now, as far as it knows. */
  readonly held: boolean;
  /** Takes the leadership when it is free, keeps it when held. @returns whether it is held now. */
  claim(): Promise<boolean>;
  /** Gives it up, so that a standby takes over at once. */
  release(): Promise<void>;
  /** The longest the relay may wait between claims while it holds a leadership that must be renewed. */
  readonly renewWithinMs?: number;
}

/** What the store tells the relay between rounds; both are optional conveniences, not needed for correctness. */
export interface OutboxStoreListener {
  /** Events were committed: relay now rather than at the next poll. */
  newEvents(): void;
  /** The leadership went with a broken connection. */
  leadershipLost(): void;
  /** Something the store set aside or could not do, for the relay's log. */
  problem(message: string, error: unknown): void;
}

/**
 * The port through which the OutboxRelay reaches the store that holds a domain's outbox. The
 * relay owns everything else: lifecycle, back-off, the check of stream tails after a failure,
 * publishing and its Redis connection.
 */
export interface OutboxStore<Batch extends PendingEvents = PendingEvents> {
  readonly leadership: RelayLeadership;
  /** The oldest pending events. Only called while the leadership is held. */
  readPending(): Promise<Batch>;
  /** Marks (or removes) exactly the batch's events once they are on their streams. */
  markPublished(batch: Batch): Promise<void>;
  /** Events committed and not yet published, whichever replica holds the leadership. */
  backlog(): Promise<OutboxBacklog>;
  /** Deletes what the store keeps of published events past their retention, a bounded amount per call. */
  removeExpired?(keepGoing: () => boolean): Promise<void>;
  /** Tells the store whom to notify; called once, before the relay first claims the leadership. */
  listen?(listener: OutboxStoreListener): void;
}
