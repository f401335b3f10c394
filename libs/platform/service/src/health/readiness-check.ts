import type { Abstract, Type } from '@nestjs/common';

import type { ConfigDefinition } from '../config/define-config';

export type ProviderToken<T> = Type<T> | Abstract<T> | string | symbol;

/** What a check may use while it sets itself up. */
export interface ReadinessContext {
  /** A provider from the app's container (a DataSource, a Redis client, …). */
  get<T>(token: ProviderToken<T>): T;
  /** A validated configuration concern. */
  config<T extends object>(definition: ConfigDefinition<T>): T;
}

export interface ReadinessProbe {
  /** Resolves when the dependency answers; rejects with the reason otherwise. */
  check(): Promise<unknown>;
  /** Releases what setup opened (e.g. the check's own connection). */
  close?(): Promise<void> | void;
}

/** One thing that must answer before the service takes traffic. */
export interface ReadinessCheck {
  /** Key reported by /health/ready, e.g. "redis". */
  readonly name: string;
  /** How long one probe may take before it counts as failed. */
  readonly timeoutMs?: number;
  /**
   * False for a dependency the service can work without for a while (say Redis, when the outbox
   * keeps the events): its failure is reported under `degraded` while readiness stays 200, so a
   * shared dependency's outage does not take every replica out of the load balancer at once.
   * Default true.
   */
  readonly required?: boolean;
  setup(context: ReadinessContext): ReadinessProbe | Promise<ReadinessProbe>;
}

export const DEFAULT_READINESS_TIMEOUT_MS = 3000;

/**
 * A readiness check from a plain function, for dependencies the kit has no
 * ready-made check for: `readinessCheck('payments', ({ get }) => { const c = get(PaymentsClient); return () => c.ping(); })`.
 */
export function readinessCheck(
  name: string,
  setup: (context: ReadinessContext) => () => Promise<unknown>,
  options: { timeoutMs?: number; required?: boolean } = {},
): ReadinessCheck {
  const { timeoutMs, required } = options;
  return { name, timeoutMs, required, setup: (context) => ({ check: setup(context) }) };
}
