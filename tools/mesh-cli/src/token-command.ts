import { type DevIssuer, readDevIssuer, WORKSPACE_ROOT } from '@mesh/infra';
import { signAccessToken } from '@mesh/service';
import { join } from 'node:path';

import { UsageError } from './commands';
import type { OfflineCommand } from './offline-commands';
import { meshProducts } from './products';

const usage =
  'token --scopes <scope>[,<scope>…] [--audience <service>[,…]] [--ttl <seconds>] [--subject <sub>]   a dev access token (the development issuer)';
const DEFAULT_TTL_SECONDS = 3600;
/** What the services accept unless AUTH_MAX_TOKEN_LIFETIME_SECONDS says otherwise. */
const SERVICES_MAX_LIFETIME_SECONDS = 3600;
const FLAGS = ['--scopes', '--audience', '--ttl', '--subject'];

interface TokenArgs {
  scopes: string[];
  audience: string[];
  ttl: number;
  subject: string;
}

/**
 * `npm run mesh -- token --scopes orders:write,orders:read`: an ES256 access token of the
 * development issuer that `npm run infra:up` made (its private key in .mesh/, its public key set
 * in the services' AUTH_JWKS_FILE). The audience is the domains the scopes name unless
 * `--audience` says. Only the token goes to stdout, so `TOKEN=$(npm run -s mesh -- token …)`
 * works; notes go to stderr.
 */
export function tokenCommand(
  issuer: () => DevIssuer = () => readDevIssuer(join(WORKSPACE_ROOT, '.mesh')),
  note: (line: string) => void = (line) => console.error(line),
): OfflineCommand {
  return {
    usage,
    async run(args, print) {
      const { scopes, audience, ttl, subject } = parseArgs(args);
      const unknown = scopes.filter((scope) => !knownScopes().includes(scope));
      if (unknown.length > 0)
        note(`note: no service asks for ${unknown.join(', ')} (known: ${knownScopes().join(', ')})`);
      if (ttl > SERVICES_MAX_LIFETIME_SECONDS) {
        note(
          `note: the services refuse tokens that live longer than ${SERVICES_MAX_LIFETIME_SECONDS} s unless their AUTH_MAX_TOKEN_LIFETIME_SECONDS allows it`,
        );
      }
      const { privateJwk, issuer: iss } = issuer();
      const token = signAccessToken({
        key: { privateJwk },
        issuer: iss,
        audience,
        scopes,
        subject,
        expiresInSeconds: ttl,
      });
      const until = new Date(Date.now() + ttl * 1000).toISOString();
      note(`token for ${subject} with ${scopes.join(' ')}, audience ${audience.join(' ')}, valid until ${until}`);
      print(token);
    },
  };
}

/** The default scopes of every domain the CLI knows; a route may ask for another with @RequireScope. */
function knownScopes(): string[] {
  return meshProducts.flatMap(({ manifest }) => [`${manifest.domain}:read`, `${manifest.domain}:write`]);
}

function parseArgs(args: string[]): TokenArgs {
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index += 1) {
    const [flag, inline] = args[index].split(/=(.*)/s, 2);
    if (!FLAGS.includes(flag)) throw new UsageError(`token: unexpected argument "${args[index]}"`);
    const value = inline ?? args[++index];
    if (value === undefined || value === '' || value.startsWith('--'))
      throw new UsageError(`token: ${flag} needs a value`);
    values.set(flag, value);
  }
  const list = (flag: string) => (values.get(flag) ?? '').split(/[,\s]+/).filter((item) => item.length > 0);
  const scopes = list('--scopes');
  if (scopes.length === 0) throw new UsageError('token: --scopes is required, e.g. --scopes orders:read,orders:write');
  const ttl = values.has('--ttl') ? Number(values.get('--ttl')) : DEFAULT_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl <= 0) {
    throw new UsageError(`token: --ttl must be a whole number of seconds above 0, not "${values.get('--ttl')}"`);
  }
  return {
    scopes,
    audience: values.has('--audience') ? list('--audience') : audienceOf(scopes),
    ttl,
    subject: values.get('--subject') ?? 'dev',
  };
}

/** Each service is its own audience, named like its scopes: `orders:read` is for orders. */
function audienceOf(scopes: readonly string[]): string[] {
  const services = [...new Set(scopes.map((scope) => scope.split(':')[0]))];
  if (scopes.some((scope) => !scope.includes(':'))) {
    throw new UsageError('token: a scope without "<service>:" names no audience; give --audience');
  }
  return services;
}
