import { newTokenIssuer, type TestIssuer } from '../../../kit/src/access-tokens';
import { docker, dockerResult } from '../shell/docker';
import { SECRET_LABEL } from './mesh-secrets';

/** The token issuer of a run and the Swarm config that holds its public key set. */
export interface IssuerConfig {
  /** Signs the test's tokens; its private key never leaves this process. */
  readonly issuer: TestIssuer;
  /** The config's name, as created (`<prefix>_auth_jwks`, the stack's default name for it). */
  readonly name: string;
}

/**
 * The identity provider of the run, kept outside the stack: a key pair in this process, whose
 * public key set becomes the Swarm config deploy/stack.yml hands every domain (AUTH_JWKS_FILE),
 * as an operator publishes their provider's. No service gets a key that can sign.
 */
export async function createIssuerConfig(prefix: string): Promise<IssuerConfig> {
  const issuer = newTokenIssuer('swarm-e2e');
  const name = `${prefix}_auth_jwks`;
  await docker(['config', 'create', '--label', SECRET_LABEL, name, '-'], { input: JSON.stringify(issuer.keySet()) });
  return { issuer, name };
}

/** Removes the configs (those already gone are no error). */
export async function removeConfigs(names: readonly string[]): Promise<void> {
  if (names.length > 0) await dockerResult(['config', 'rm', ...names]);
}
