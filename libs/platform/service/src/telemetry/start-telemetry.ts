import { telemetrySettings } from './telemetry-settings';
import type { RunningTracing } from './tracing-sdk';

export interface TelemetryOptions {
  /** `service.name` of the spans, unless `OTEL_SERVICE_NAME` is set. */
  readonly serviceName: string;
  /** Defaults to `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

let running: RunningTracing | undefined;
let description = 'tracing off (startTelemetry was not called)';

/**
 * Starts OpenTelemetry for this process when an exporter is configured (`telemetrySettings`).
 * Call it before anything else loads: the instrumentations patch pg, mongodb, ioredis and http
 * when they are first required, so a service's `main.ts` imports its `telemetry.ts` (which calls
 * this) first of all. When tracing is off nothing of the SDK is even loaded. Idempotent.
 * @returns whether tracing is on.
 */
export function startTelemetry({ serviceName, env = process.env }: TelemetryOptions): boolean {
  if (running) return true;
  const settings = telemetrySettings(env);
  description = settings.description;
  if (!settings.enabled) return false;
  // Loaded only now, and synchronously: the SDK must be started before the service's own
  // modules are required, and a service that does not trace should not pay for loading it.
   
  const { startTracingSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  running = startTracingSdk(serviceName, env);
  return true;
}

/** Whether this process traces. */
export function tracingEnabled(): boolean {
  return running !== undefined;
}

/** One line for the start-up log: where spans go, or why there are none. */
export function telemetryDescription(): string {
  return description;
}

/** Exports the spans still buffered and stops the SDK; the last step of a graceful shutdown. */
export async function shutdownTelemetry(): Promise<void> {
  const tracing = running;
  running = undefined;
  await tracing?.shutdown();
}
