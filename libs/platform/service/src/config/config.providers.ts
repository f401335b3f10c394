import type { FactoryProvider, Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { SERVICE_RUNTIME, type ServiceRuntime } from '../service-options';
import type { ConfigNamespace } from './define-config';
import { loadConfig,type LoadedConfig } from './load-config';

export const LOADED_CONFIG = Symbol('LOADED_CONFIG');
const CONFIG_SERVICE_VALUES = Symbol('CONFIG_SERVICE_VALUES');

/**
 * Validation runs when the container is built, not when the module file is
 * imported (as ConfigModule.forRoot({ validate }) would), so tests can start
 * several apps with different environments and errors surface in bootstrap.
 */
export function configProviders(definitions: readonly ConfigNamespace[]): Provider[] {
  const loaded: FactoryProvider<LoadedConfig> = {
    provide: LOADED_CONFIG,
    inject: [{ token: SERVICE_RUNTIME, optional: true }],
    useFactory: (runtime?: ServiceRuntime) => loadConfig(definitions, runtime?.env ?? process.env),
  };
  const concerns = definitions.map((definition): FactoryProvider => ({
    provide: definition.KEY,
    inject: [LOADED_CONFIG],
    useFactory: (config: LoadedConfig) => config.get(definition),
  }));
  // Code that prefers ConfigService.get('redis.url') sees the same validated values.
  const configService: FactoryProvider<true> = {
    provide: CONFIG_SERVICE_VALUES,
    inject: [ConfigService, LOADED_CONFIG],
    useFactory: (service: ConfigService, config: LoadedConfig) => {
      for (const [namespace, value] of config.entries()) service.set(namespace, value);
      return true;
    },
  };
  return [loaded, ...concerns, configService];
}
