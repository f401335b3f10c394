import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';

import { AccessTokenGuard } from './auth/access-token.guard';
import { accessTokenVerifierProvider } from './auth/access-token-verifier.provider';
import { authConfig } from './auth/auth-config';
import { configProviders, LOADED_CONFIG } from './config/config.providers';
import { localRegistryPort } from './config/local-registry-port';
import { serviceConfig } from './config/service-config';
import { dataProductEndpoint } from './data-product/data-product-endpoint';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { ErrorResponseFilter } from './http/error-response.filter';
import { ZodValidationPipe } from './http/zod-validation.pipe';
import { limitsConfig } from './limits/limits-config';
import { loggingModule } from './logging/logging.module';
import { HttpMetrics } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { metricsRegistryProvider } from './metrics/metrics-registry.provider';
import { SERVICE_OPTIONS, type ServiceModuleOptions } from './service-options';
import { ShutdownState } from './shutdown/shutdown-state';

/** PORT of a service the mesh registry does not list, or of a production process whose environment lacks one. */
const DEFAULT_PORT = 3000;

/**
 * Everything a domain service needs at start-up, imported once in its root
 * module. Global, so feature modules inject configuration, the metrics
 * Registry and ShutdownState without re-importing it.
 */
@Module({})
export class ServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    const tokensRequired = options.access !== 'public';
    const dataProduct = dataProductEndpoint(options);
    const definitions = [
      serviceConfig(localRegistryPort(options.name) ?? DEFAULT_PORT),
      limitsConfig,
      ...(tokensRequired ? [authConfig] : []),
      ...dataProduct.config,
      ...(options.config ?? []),
    ];
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
      controllers: [HealthController, MetricsController, ...dataProduct.controllers],
      providers: [
        { provide: SERVICE_OPTIONS, useValue: options },
        ...configProviders(definitions),
        ShutdownState,
        ReadinessService,
        metricsRegistryProvider,
        HttpMetrics,
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
        // Every route needs a token with its scope unless @Public() (auth/access-token.guard.ts).
        ...(tokensRequired ? [accessTokenVerifierProvider, { provide: APP_GUARD, useClass: AccessTokenGuard }] : []),
        ...dataProduct.providers,
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
