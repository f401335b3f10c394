import { staleRegistryFiles, writeRegistryFiles } from '@mesh/infra';

import { UsageError } from './commands';
import type { OfflineCommand } from './offline-commands';

const usage = 'generate [--check]   write the files generated from mesh.json (the stack, the gateway, the products list)';

/**
 * `npm run mesh -- generate`: renders deploy/stack.yml, deploy/stack.ferretdb.yml,
 * deploy/gateway/haproxy.cfg and the mesh's products list from mesh.json and their templates.
 * With `--check` it writes nothing and fails naming the files that are stale.
 */
export function generateCommand(): OfflineCommand {
  return {
    usage,
    async run(args, print) {
      if (args.length > 1 || (args.length === 1 && args[0] !== '--check')) throw new UsageError(`usage: ${usage}`);
      if (args[0] === '--check') {
        const stale = staleRegistryFiles();
        if (stale.length > 0)
          throw new Error(`stale, run \`npm run mesh -- generate\`: ${stale.join(', ')}`);
        print('every file generated from mesh.json is up to date');
        return;
      }
      const written = writeRegistryFiles();
      print(written.length > 0 ? `wrote ${written.join(', ')}` : 'every file generated from mesh.json was up to date');
    },
  };
}
