import type { FactoryProvider } from '@nestjs/common';

import { ConfigValidationError } from '../config/config-validation.error';
import { AccessTokenVerifier } from './access-token-verifier';
import { type AuthConfig, authConfig } from './auth-config';

/**
 * In production a service without any key refuses to start, with the variable to set. Elsewhere
 * (tests that never call the API, a build run by hand without `.mesh/env`) it starts closed: every
 * token is refused, and the guard says so in the log.
 */
export const accessTokenVerifierProvider: FactoryProvider<AccessTokenVerifier> = {
  provide: AccessTokenVerifier,
  inject: [authConfig.KEY],
  useFactory: (config: AuthConfig) => {
    const verifier = new AccessTokenVerifier(config);
    if (config.production && verifier.algorithms.length === 0) {
      throw new ConfigValidationError([
        {
          variable: 'AUTH_JWT_SECRET',
          message:
            'is required with NODE_ENV=production (or AUTH_JWT_PUBLIC_KEY for RS256 tokens); either may come from <NAME>_FILE',
        },
      ]);
    }
    return verifier;
  },
};
