import { type DynamicModule, type ForwardReference, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';

import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { acceptJsonBodiesOnly, limitRequestBodies } from '../http/body-parsing';
import type { FastifyServer } from '../http/fastify-server';
import { applyLimits } from '../limits/apply-limits';
import { HttpMetrics } from '../metrics/http-metrics';
import { recordHttpMetrics } from '../metrics/record-http-metrics';
import { type OpenApiOptions, serveOpenApi } from '../openapi/openapi';
import { SERVICE_RUNTIME, type ServiceRuntime } from '../service-options';
import { closeConnectionsWhileDraining } from '../shutdown/close-connections-while-draining';
import { ShutdownState } from '../shutdown/shutdown-state';
import { nameServerSpansByRoute } from '../telemetry/route-span-name';
import { ServiceFastifyAdapter } from './service-fastify-adapter';

export type AppModule = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

export interface ServiceAppOptions extends ServiceRuntime {
  /** Serve the OpenAPI document at /docs-json and Swagger UI at /docs. */
  readonly openApi?: OpenApiOptions;
  /**
   * Message transports that run beside HTTP (a hybrid application), e.g. the Redis Streams
   * consumer: `transports: (app) => [new RedisStreamsServer({ … })]`. They share the app's
   * pipes, filters and logger, start with it and stop when it closes.
   */
  readonly transports?: (app: NestFastifyApplication) => CustomTransportStrategy[];
}

/** Hands process-level inputs (env, log destination) to ServiceModule without the domain passing them. */
@Module({})
class ServiceRuntimeModule {}

/** Root of the container: the runtime next to the domain's own module. */
@Module({})
class ServiceHostModule {}

/**
 * The root of the container: the domain's module beside the process-level inputs. Shared by
 * createServiceApp and renderOpenApiDocument, so the document is built from the same graph.
 */
export function serviceHostModule(appModule: AppModule, runtime: ServiceRuntime): DynamicModule {
  const runtimeModule: DynamicModule = {
    module: ServiceRuntimeModule,
    global: true,
    providers: [{ provide: SERVICE_RUNTIME, useValue: runtime }],
    exports: [SERVICE_RUNTIME],
  };
  return { module: ServiceHostModule, imports: [runtimeModule, appModule] };
}

/**
 * The production wiring, initialised but not listening: runService listens on
 * it, and e2e tests drive it with app.inject() or listen(0).
 */
export async function createServiceApp(
  appModule: AppModule,
  options: ServiceAppOptions = {},
): Promise<NestFastifyApplication> {
  const { openApi, transports, ...runtime } = options;
  const host = serviceHostModule(appModule, runtime);
  // logger: false keeps Nest from printing its own stack dump when the
  // container fails (invalid configuration); runService reports that itself.
  const adapter = new ServiceFastifyAdapter();
  const app = await NestFactory.create<NestFastifyApplication>(host, adapter, {
    logger: false,
    abortOnError: false,
    bodyParser: false,
  });
  try {
    await wire(app, adapter, openApi);
    for (const strategy of transports?.(app) ?? []) {
      app.connectMicroservice({ strategy }, { inheritAppConfig: true });
    }
    await app.init();
    await app.startAllMicroservices();
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}

async function wire(
  app: NestFastifyApplication,
  adapter: ServiceFastifyAdapter,
  openApi: OpenApiOptions | undefined,
): Promise<void> {
  const config = requireServiceModule(app);
  app.useLogger(app.get(Logger));
  const fastify: FastifyServer = app.getHttpAdapter().getInstance();
  await applyLimits(app, adapter.trustedProxies);
  acceptJsonBodiesOnly(fastify);
  limitRequestBodies(fastify, config.bodyLimitBytes);
  recordHttpMetrics(fastify, app.get(HttpMetrics));
  nameServerSpansByRoute(fastify);
  closeConnectionsWhileDraining(fastify, app.get(ShutdownState));
  if (openApi) serveOpenApi(app, openApi);
}

function requireServiceModule(app: NestFastifyApplication): ServiceConfig {
  try {
    return app.get<ServiceConfig>(SERVICE_CONFIG);
  } catch (error) {
    throw new Error('createServiceApp: the app module must import ServiceModule.forRoot({ name, … })', {
      cause: error,
    });
  }
}
