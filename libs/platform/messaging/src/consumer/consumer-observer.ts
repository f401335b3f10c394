import type { Delivery } from './delivery';

/**
 * Hooks through which metrics and logs see the consumer's work; every hook is optional and
 * must not throw.
 */
export interface ConsumerObserver {
  handled?(delivery: Delivery, type: string, durationMs: number): void;
  failed?(delivery: Delivery, type: string, error: Error): void;
  deadLettered?(delivery: Delivery, reason: string): void;
  skipped?(delivery: Delivery, type: string): void;
  problem?(message: string, error: unknown): void;
  /** Consumers of crashed replicas removed from the group on `key` (idle, nothing pending). */
  consumersRemoved?(key: string, consumers: string[]): void;
  /** Entries of `key` the group never got: the producer trimmed them before it read them. */
  entriesLost?(key: string, lost: number): void;
}

/** One observer that calls each given observer's hooks in turn (logs and metrics side by side). */
export function combineObservers(...observers: Array<ConsumerObserver | undefined>): ConsumerObserver {
  const present = observers.filter((observer): observer is ConsumerObserver => observer !== undefined);
  return {
    handled: (delivery, type, durationMs) => present.forEach((observer) => observer.handled?.(delivery, type, durationMs)),
    failed: (delivery, type, error) => present.forEach((observer) => observer.failed?.(delivery, type, error)),
    deadLettered: (delivery, reason) => present.forEach((observer) => observer.deadLettered?.(delivery, reason)),
    skipped: (delivery, type) => present.forEach((observer) => observer.skipped?.(delivery, type)),
    problem: (message, error) => present.forEach((observer) => observer.problem?.(message, error)),
    consumersRemoved: (key, consumers) => present.forEach((observer) => observer.consumersRemoved?.(key, consumers)),
    entriesLost: (key, lost) => present.forEach((observer) => observer.entriesLost?.(key, lost)),
  };
}
