import type { INestApplication, LoggerService } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

import { shutdownTelemetry } from '../telemetry/start-telemetry';
import { ShutdownState } from './shutdown-state';

export interface GracefulShutdownOptions {
  /** Time allowed for draining requests and running shutdown hooks. */
  readonly timeoutMs: number;
  /** Time between failing readiness and closing the listener. */
  readonly delayMs: number;
  readonly logger: LoggerService;
  /** Ends the process; replaced in tests. */
  readonly exit?: (code: number) => void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * First SIGTERM/SIGINT: fail readiness, wait delayMs, stop accepting
 * connections, let in-flight requests finish, run Nest's shutdown hooks
 * (closing databases and Redis), exit 0. A second signal, or running past
 * timeoutMs, exits 1 at once. Returns a function that removes the handlers.
 */
export function installGracefulShutdown(app: INestApplication, options: GracefulShutdownOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (started) {
      options.logger.warn(`${signal} received again; forcing exit`);
      exit(1);
      return;
    }
    started = true;
    void shutDown(app, signal, { ...options, exit }).then(
      () => exit(0),
      (error: unknown) => {
        options.logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}

async function shutDown(
  app: INestApplication,
  signal: NodeJS.Signals,
  options: GracefulShutdownOptions & { exit: (code: number) => void },
): Promise<void> {
  const { logger, delayMs, timeoutMs, exit } = options;
  app.get(ShutdownState).begin();
  logger.log(`${signal} received; readiness now fails, closing in ${delayMs} ms`);
  await sleep(delayMs);
  const deadline = setTimeout(() => {
    logger.error(`shutdown did not finish within ${timeoutMs} ms; forcing exit`);
    exit(1);
  }, timeoutMs);
  try {
    // Drain HTTP before app.close(): Nest runs onModuleDestroy hooks before it
    // closes the server, and a domain closing its pool there would break the
    // requests still in flight.
    await app.getHttpAdapter().close();
    await app.close();
    // Last: the spans of the final requests, events and jobs are exported before the process exits.
    await shutdownTelemetry();
    logger.log('shutdown complete');
  } finally {
    clearTimeout(deadline);
  }
}
