import { aclCommand } from './acl/acl-command';
import type { Print } from './commands';
import { generateCommand } from './generate-command';
import { tokenCommand } from './token-command';

/**
 * Commands that need no Redis connection (they read manifests or local secrets), keyed by
 * name. Each lives in its own file and is registered here.
 */
export interface OfflineCommand {
  /** One usage line, shown with the others on a usage error. */
  usage: string;
  run(args: string[], print: Print): Promise<void>;
}

export const offlineCommands: Record<string, OfflineCommand> = {};
offlineCommands.acl = aclCommand();
offlineCommands.generate = generateCommand();
offlineCommands.token = tokenCommand();
