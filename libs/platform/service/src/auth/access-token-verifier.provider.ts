import type { FactoryProvider } from '@nestjs/common';

import { SERVICE_OPTIONS, type ServiceModuleOptions } from '../service-options';
import { AccessTokenVerifier } from './access-token-verifier';
import { type AuthConfig, authConfig } from './auth-config';

/**
 * The verifier of the service's tokens: its audience is AUTH_AUDIENCE or the service's name. What
 * the configuration lacks was reported when it was loaded (in production a service without a key
 * set does not start); elsewhere a service without keys starts closed and the guard says so.
 */
export const accessTokenVerifierProvider: FactoryProvider<AccessTokenVerifier> = {
  provide: AccessTokenVerifier,
  inject: [authConfig.KEY, SERVICE_OPTIONS],
  useFactory: (config: AuthConfig, options: ServiceModuleOptions) => new AccessTokenVerifier(config, options.name),
};
