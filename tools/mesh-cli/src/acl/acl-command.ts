import { writeSecretFile } from '@mesh/infra';

import { UsageError } from '../commands';
import type { OfflineCommand } from '../offline-commands';
import { meshProducts } from '../products';
import { devPassword, type Env, passwordVariable } from './acl-passwords';
import { ADMIN_USER, buildMeshAcl } from './mesh-acl';
import { CATALOG_USER } from './redis-access';

const usage =
  'acl [--out <file>] [--dev]            Redis ACL file from the manifests (passwords: REDIS_PASSWORD_<USER>[_FILE])';

/**
 * `npm run mesh -- acl`: the ACL file on stdout, or in `--out <file>`. Notes go to stderr so
 * that stdout stays a file Redis can load.
 */
export function aclCommand(
  env: Env = process.env,
  note: (line: string) => void = (line) => console.error(line),
): OfflineCommand {
  return {
    usage,
    async run(args, print) {
      const { out, dev } = parseArgs(args);
      const acl = buildMeshAcl(
        meshProducts.map((product) => product.manifest),
        { env, dev },
      );
      if (dev) {
        note(
          `--dev: fixed development passwords (${devPassword('<user>')}, e.g. ${devPassword(acl.users[0])}); never use this file outside a laptop`,
        );
      } else {
        if (!acl.users.includes(ADMIN_USER)) {
          note(`no ${ADMIN_USER} user (set ${passwordVariable(ADMIN_USER)}[_FILE] for one that may run ACL LOAD)`);
        }
        if (!acl.users.includes(CATALOG_USER)) {
          note(`no ${CATALOG_USER} user (set ${passwordVariable(CATALOG_USER)}[_FILE] for the catalog's live samples)`);
        }
      }
      if (out) {
        // Owner-only: the file holds every user's password hash.
        writeSecretFile(out, acl.text);
        print(`wrote ${out}: default off; users ${acl.users.join(', ')}`);
      } else {
        print(acl.text.trimEnd());
      }
    },
  };
}

function parseArgs(args: string[]): { out?: string; dev: boolean } {
  let out: string | undefined;
  let dev = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--dev') dev = true;
    else if (arg === '--out' && args[index + 1] && !args[index + 1].startsWith('--')) out = args[++index];
    else if (arg.startsWith('--out=') && arg.length > '--out='.length) out = arg.slice('--out='.length);
    else throw new UsageError(`acl: unexpected argument "${arg}"`);
  }
  return { out, dev };
}
