import { down } from './down';
import { describeError } from './errors';
import { ALL_STORES } from './options';
import { status } from './status';
import type { StoreKind } from './stores/store-types';
import { up } from './up';

const USAGE = `usage: tsx tools/infra/src/cli.ts <up|down|status> [--root <dir>] [postgres|redis|mongo ...]
  ports: MESH_POSTGRES_PORT, MESH_REDIS_PORT, MESH_MONGO_PORT; URLs from the environment win.`;

interface CliArguments {
  command: string;
  rootDir?: string;
  stores?: StoreKind[];
}

function parseArguments(argv: readonly string[]): CliArguments {
  const [command = '', ...rest] = argv;
  const stores: StoreKind[] = [];
  let rootDir: string | undefined;
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index];
    if (argument === '--root') {
      rootDir = rest[++index];
      if (rootDir === undefined) throw new Error('--root needs a directory');
    } else if ((ALL_STORES as readonly string[]).includes(argument)) {
      stores.push(argument as StoreKind);
    } else {
      throw new Error(`unknown argument ${argument}\n${USAGE}`);
    }
  }
  return { command, rootDir, stores: stores.length > 0 ? stores : undefined };
}

async function main(argv: readonly string[]): Promise<number> {
  const { command, ...options } = parseArguments(argv);
  if (command === 'up') {
    // Ctrl-C during `up` stops what it already started instead of leaving it half up.
    const abort = new AbortController();
    process.once('SIGINT', () => abort.abort(new Error('interrupted')));
    process.once('SIGTERM', () => abort.abort(new Error('terminated')));
    await up({ ...options, signal: abort.signal });
  } else if (command === 'down') {
    await down(options);
  } else if (command === 'status') {
    await status(options);
  } else {
    console.error(USAGE);
    return 2;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`infra: ${describeError(error)}`);
    process.exitCode = 1;
  },
);
