import { z } from 'zod';

import { defineConfig } from '../config/define-config';
import { envBool, envInt } from '../config/env-schemas';
import { jwksUrl, type PublicKeySet, toPublicKeySet } from './key-set';

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits. */
export const MIN_SECRET_LENGTH = 32;
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 3600;

/** Where the public keys of the token issuer come from. */
export type KeySource = { readonly url: URL } | { readonly keySet: PublicKeySet };

/** How access tokens are checked. */
export interface AuthConfig {
  /** AUTH_JWKS_URL (fetched, cached, fetched again for an unknown `kid`) or AUTH_JWKS / AUTH_JWKS_FILE. */
  readonly keys?: KeySource;
  /** AUTH_ISSUER: the `iss` every token must carry. */
  readonly issuer?: string;
  /** AUTH_AUDIENCE: the `aud` a token must include; the service's name when unset. */
  readonly audience?: string;
  /** AUTH_MAX_TOKEN_LIFETIME_SECONDS: the longest `exp - iat` accepted. */
  readonly maxLifetimeSeconds: number;
  /** AUTH_JWT_SECRET with AUTH_DEV_HS256=true: HS256 tokens, a development option only. */
  readonly devSecret?: string;
  readonly production: boolean;
}

export const AUTH_CONFIG_NAMESPACE = 'auth';

const variables = {
  AUTH_JWKS_URL: jwksUrl().optional(),
  // Usually given as AUTH_JWKS_FILE, like every variable's _FILE twin: a JWKS file or a Swarm config.
  AUTH_JWKS: z.string().transform(toPublicKeySet).optional(),
  AUTH_ISSUER: z.string().trim().min(1).optional(),
  AUTH_AUDIENCE: z.string().trim().min(1).optional(),
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: envInt({ min: 1, max: 86_400 }).optional(),
  AUTH_DEV_HS256: envBool().optional(),
  AUTH_JWT_SECRET: z
    .string()
    .min(
      MIN_SECRET_LENGTH,
      `must be at least ${MIN_SECRET_LENGTH} characters (HS256 needs a 256-bit key); generate one with \`openssl rand -base64 48\``,
    )
    .optional(),
  // Read only to say what replaced it: an operator upgrading would otherwise get a service that refuses everything.
  AUTH_JWT_PUBLIC_KEY: z.string().optional(),
  NODE_ENV: z.string().optional(),
};

type AuthVariables = z.output<z.ZodObject<typeof variables>>;

export const authConfig = defineConfig(
  AUTH_CONFIG_NAMESPACE,
  variables,
  (env): AuthConfig => ({
    keys: env.AUTH_JWKS_URL ? { url: env.AUTH_JWKS_URL } : env.AUTH_JWKS ? { keySet: env.AUTH_JWKS } : undefined,
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    maxLifetimeSeconds: env.AUTH_MAX_TOKEN_LIFETIME_SECONDS ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
    devSecret: env.AUTH_DEV_HS256 ? env.AUTH_JWT_SECRET : undefined,
    production: env.NODE_ENV === 'production',
  }),
  (env, context) => {
    for (const [variable, message] of authProblems(env))
      context.addIssue({ code: 'custom', path: [variable], message });
  },
);

const KEY_SET_VARIABLES = 'AUTH_JWKS_URL or AUTH_JWKS_FILE';

/** The rules between the variables, as [variable, message]. */
function authProblems(env: AuthVariables): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const production = env.NODE_ENV === 'production';
  const keySet = env.AUTH_JWKS_URL !== undefined || env.AUTH_JWKS !== undefined;
  if (env.AUTH_JWKS_URL !== undefined && env.AUTH_JWKS !== undefined) {
    problems.push(['AUTH_JWKS_URL', 'set either AUTH_JWKS_URL or AUTH_JWKS_FILE (AUTH_JWKS), not both']);
  }
  if (env.AUTH_JWT_PUBLIC_KEY !== undefined) {
    problems.push([
      'AUTH_JWT_PUBLIC_KEY',
      `is no longer read: publish the public key in a JSON Web Key Set and give ${KEY_SET_VARIABLES}`,
    ]);
  }
  if (env.AUTH_DEV_HS256 && production) {
    problems.push([
      'AUTH_DEV_HS256',
      `is refused with NODE_ENV=production: whoever holds a shared secret can sign tokens; give ${KEY_SET_VARIABLES}`,
    ]);
  } else if (env.AUTH_DEV_HS256 && env.AUTH_JWT_SECRET === undefined) {
    problems.push(['AUTH_JWT_SECRET', 'is required with AUTH_DEV_HS256=true']);
  } else if (env.AUTH_JWT_SECRET !== undefined && !env.AUTH_DEV_HS256) {
    problems.push([
      'AUTH_JWT_SECRET',
      `HS256 with a shared secret is a development option only: set AUTH_DEV_HS256=true too, or check tokens against a key set (${KEY_SET_VARIABLES})`,
    ]);
  }
  if (production && !keySet) {
    problems.push([
      'AUTH_JWKS_URL',
      "is required with NODE_ENV=production (or AUTH_JWKS_FILE, a JWKS file): the public keys of the tokens' issuer",
    ]);
  }
  if ((keySet || env.AUTH_DEV_HS256) && env.AUTH_ISSUER === undefined) {
    problems.push(['AUTH_ISSUER', 'is required to check tokens: the `iss` of the issuer that signs them']);
  }
  return problems;
}
