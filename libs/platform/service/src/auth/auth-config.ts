import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

import { defineConfig } from '../config/define-config';
import { errorMessage } from '../error-message';

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits. */
export const MIN_SECRET_LENGTH = 32;
const MIN_RSA_BITS = 2048;

export type TokenAlgorithm = 'HS256' | 'RS256';

/** The keys access tokens are checked with; each one present enables its algorithm. */
export interface AuthConfig {
  /** AUTH_JWT_SECRET: HS256 tokens, e.g. from `npm run mesh -- token` or another service. */
  readonly secret?: string;
  /** AUTH_JWT_PUBLIC_KEY: RS256 tokens from an identity provider that keeps the private key. */
  readonly publicKey?: KeyObject;
  /** NODE_ENV=production: a service without any key refuses to start rather than refuse every call. */
  readonly production: boolean;
}

export const AUTH_CONFIG_NAMESPACE = 'auth';

export const authConfig = defineConfig(
  AUTH_CONFIG_NAMESPACE,
  {
    AUTH_JWT_SECRET: z
      .string()
      .min(
        MIN_SECRET_LENGTH,
        `must be at least ${MIN_SECRET_LENGTH} characters (HS256 needs a 256-bit key); generate one with \`openssl rand -base64 48\``,
      )
      .optional(),
    AUTH_JWT_PUBLIC_KEY: z.string().transform(toRsaPublicKey).optional(),
    NODE_ENV: z.string().optional(),
  },
  (env): AuthConfig => ({
    secret: env.AUTH_JWT_SECRET,
    publicKey: env.AUTH_JWT_PUBLIC_KEY,
    production: env.NODE_ENV === 'production',
  }),
);

/** The algorithms a configuration accepts, HS256 first. Never `none`. */
export function enabledAlgorithms(config: AuthConfig): TokenAlgorithm[] {
  return [...(config.secret ? (['HS256'] as const) : []), ...(config.publicKey ? (['RS256'] as const) : [])];
}

function toRsaPublicKey(pem: string, context: z.RefinementCtx): KeyObject {
  // createPublicKey would happily derive the public half, but a private key has no business here.
  if (/PRIVATE KEY-----/.test(pem)) {
    context.addIssue({ code: 'custom', message: 'holds a private key: give the service the public key only' });
    return z.NEVER;
  }
  let key: KeyObject;
  try {
    // One-line env values often carry the PEM's line breaks as the two characters "\n".
    key = createPublicKey(pem.replace(/\\n/g, '\n'));
  } catch (error) {
    context.addIssue({
      code: 'custom',
      message: `must be a PEM public key (-----BEGIN PUBLIC KEY-----): ${errorMessage(error)}`,
    });
    return z.NEVER;
  }
  if (key.asymmetricKeyType !== 'rsa') {
    context.addIssue({ code: 'custom', message: `must be an RSA key for RS256, not ${key.asymmetricKeyType}` });
    return z.NEVER;
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    context.addIssue({ code: 'custom', message: `must be at least ${MIN_RSA_BITS} bits, not ${bits}` });
    return z.NEVER;
  }
  return key;
}
