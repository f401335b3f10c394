import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';

import { configProviders, LOADED_CONFIG } from './config/config.providers';
import { serviceConfig } from './config/service-config';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { ErrorResponseFilter } from './http/error-response.filter';
import { ZodValidationPipe } from './http/zod-validation.pipe';
import { loggingModule } from './logging/logging.module';
import { HttpMetrics } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { metricsRegistryProvider } from './metrics/metrics-registry.provider';
import { SERVICE_OPTIONS, type ServiceModuleOptions } from './service-options';
import { ShutdownState } from './shutdown/shutdown-state';

const DEFAULT_PORT = 3000;

/**
 * Everything a domain service needs at start-up, imported once in its root
 * module. Global, so feature modules inject configuration, the metrics
 * Registry and ShutdownState without re-importing it.
 */
@Module({})
export class ServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    const definitions = [serviceConfig(options.defaultPort ?? DEFAULT_PORT), ...(options.config ?? [])];
    assertUniqueNamespaces(definitions.map((d) => d.namespace));
    return {
      module: ServiceModule,
      global: true,
      imports: [
        // Values come from configProviders; ConfigModule only supplies ConfigService.
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true }),
        loggingModule(),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_OPTIONS, useValue: options },
        ...configProviders(definitions),
        ShutdownState,
        ReadinessService,
        metricsRegistryProvider,
        HttpMetrics,
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
      ],
      exports: [
        SERVICE_OPTIONS,
        LOADED_CONFIG,
        ...definitions.map((d) => d.KEY),
        ShutdownState,
        metricsRegistryProvider.provide,
        HttpMetrics,
      ],
    };
  }
}

function assertUniqueNamespaces(namespaces: readonly string[]): void {
  const duplicate = namespaces.find((namespace, index) => namespaces.indexOf(namespace) !== index);
  if (duplicate !== undefined) {
    throw new Error(`ServiceModule.forRoot: configuration namespace "${duplicate}" is used twice`);
  }
}
