import { signAccessToken } from '@mesh/service';
import { readFileSync } from 'node:fs';

import { UsageError } from './commands';
import { meshEnv } from './mesh-env';
import type { OfflineCommand } from './offline-commands';
import { meshProducts } from './products';

const usage =
  'token --scopes <scope>[,<scope>…] [--ttl <seconds>] [--subject <sub>]   a dev access token (AUTH_JWT_SECRET)';
const DEFAULT_TTL_SECONDS = 3600;

interface TokenArgs {
  scopes: string[];
  ttl: number;
  subject: string;
}

/**
 * `npm run mesh -- token --scopes orders:write,orders:read`: an HS256 access token signed with the
 * services' AUTH_JWT_SECRET (from the environment, else the .mesh/env `infra:up` wrote). Only the
 * token goes to stdout, so `TOKEN=$(npm run -s mesh -- token …)` works; notes go to stderr.
 */
export function tokenCommand(
  read: (name: string) => string | undefined = meshEnv,
  note: (line: string) => void = (line) => console.error(line),
): OfflineCommand {
  return {
    usage,
    async run(args, print) {
      const { scopes, ttl, subject } = parseArgs(args);
      const unknown = scopes.filter((scope) => !knownScopes().includes(scope));
      if (unknown.length > 0)
        note(`note: no service asks for ${unknown.join(', ')} (known: ${knownScopes().join(', ')})`);
      const token = signAccessToken({ secret: secret(read), scopes, subject, expiresInSeconds: ttl });
      note(
        `token for ${subject} with ${scopes.join(' ')}, valid until ${new Date(Date.now() + ttl * 1000).toISOString()}`,
      );
      print(token);
    },
  };
}

/** The default scopes of every domain the CLI knows; a route may ask for another with @RequireScope. */
function knownScopes(): string[] {
  return meshProducts.flatMap(({ manifest }) => [`${manifest.domain}:read`, `${manifest.domain}:write`]);
}

// Read as the services read it: the variable, or the file <NAME>_FILE names.
function secret(read: (name: string) => string | undefined): string {
  const value = read('AUTH_JWT_SECRET');
  if (value) return value;
  const file = read('AUTH_JWT_SECRET_FILE');
  if (file) return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  throw new Error(
    'AUTH_JWT_SECRET is not set: run `npm run infra:up` (it writes a development secret to .mesh/env) or export AUTH_JWT_SECRET',
  );
}

function parseArgs(args: string[]): TokenArgs {
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index += 1) {
    const [flag, inline] = args[index].split(/=(.*)/s, 2);
    if (!['--scopes', '--ttl', '--subject'].includes(flag))
      throw new UsageError(`token: unexpected argument "${args[index]}"`);
    const value = inline ?? args[++index];
    if (value === undefined || value === '' || value.startsWith('--'))
      throw new UsageError(`token: ${flag} needs a value`);
    values.set(flag, value);
  }
  const scopes = (values.get('--scopes') ?? '').split(/[,\s]+/).filter((scope) => scope.length > 0);
  if (scopes.length === 0) throw new UsageError('token: --scopes is required, e.g. --scopes orders:read,orders:write');
  const ttl = values.has('--ttl') ? Number(values.get('--ttl')) : DEFAULT_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl <= 0) {
    throw new UsageError(`token: --ttl must be a whole number of seconds above 0, not "${values.get('--ttl')}"`);
  }
  return { scopes, ttl, subject: values.get('--subject') ?? 'dev' };
}
