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
}
