import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { inspect } from 'node:util';

import { ConfigValidationError } from '../config/config-validation.error';
import { loadLocalInfraEnv } from '../config/local-infra-env';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { installGracefulShutdown } from '../shutdown/graceful-shutdown';
import { telemetryDescription } from '../telemetry/start-telemetry';
import { type AppModule, createServiceApp, type ServiceAppOptions } from './create-service-app';

/**
 * A domain's whole main.ts: `void runService(OrdersModule, { openApi: { title: 'Orders' } })`.
 * Starts the app, listens, and installs graceful shutdown. A start-up failure
 * (invalid configuration, port in use) is printed and the process exits 1.
 */
export async function runService(
  appModule: AppModule,
  options: ServiceAppOptions = {},
): Promise<NestFastifyApplication> {
  let app: NestFastifyApplication | undefined;
  try {
    const localEnvFile = options.env ? undefined : loadLocalInfraEnv();
    app = await createServiceApp(appModule, options);
    const config = app.get<ServiceConfig>(SERVICE_CONFIG);
    await app.listen({ port: config.port, host: config.host });
    const logger = app.get(Logger);
    installGracefulShutdown(app, { timeoutMs: config.shutdownTimeoutMs, delayMs: config.shutdownDelayMs, logger });
    if (localEnvFile) logger.log(`store URLs not set in the environment were read from ${localEnvFile}`);
    logger.log(telemetryDescription());
    logger.log(`listening on ${await app.getUrl()}`);
    return app;
  } catch (error) {
    process.stderr.write(`${startupFailure(error)}\n`);
    await app?.close().catch(() => undefined);
    process.exit(1);
  }
}

// Configuration errors are the operator's to fix: the list of variables is
// the whole story, a stack trace would only bury it.
function startupFailure(error: unknown): string {
  const configError = findConfigError(error);
  if (configError) return `Service cannot start. ${configError.report()}`;
  // inspect() prints the stack and the whole cause chain.
  return `Service cannot start: ${inspect(error)}`;
}

function findConfigError(error: unknown): ConfigValidationError | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof ConfigValidationError) return current;
  }
  return undefined;
}
