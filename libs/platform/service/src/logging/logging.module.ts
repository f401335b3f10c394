import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { SERVICE_OPTIONS, SERVICE_RUNTIME, type ServiceModuleOptions, type ServiceRuntime } from '../service-options';
import { loggerParams } from './logger-params';

export function loggingModule(): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [SERVICE_OPTIONS, SERVICE_CONFIG, { token: SERVICE_RUNTIME, optional: true }],
    useFactory: (options: ServiceModuleOptions, config: ServiceConfig, runtime?: ServiceRuntime) =>
      loggerParams({ service: options.name, config, destination: runtime?.logDestination }),
  });
}
