import { docker } from '../shell/docker';
import { removeConfigs } from './issuer-config';
import { removeSecrets, SECRET_LABEL } from './mesh-secrets';
import { removeStack, stackExists } from './mesh-stack';

/** What an interrupted earlier run may have left: its stack, its secrets and its key set config. */
export async function removeLeftovers(stack: string, log: (line: string) => void): Promise<void> {
  if (await stackExists(stack)) {
    log(`a stack ${stack} from an earlier run is still there: removing it`);
    await removeStack(stack, log);
  }
  const secrets = (await docker(['secret', 'ls', '-q', '--filter', `label=${SECRET_LABEL}`]))
    .split('\n')
    .filter(Boolean);
  if (secrets.length > 0) await removeSecrets(secrets);
  const configs = (await docker(['config', 'ls', '-q', '--filter', `label=${SECRET_LABEL}`]))
    .split('\n')
    .filter(Boolean);
  if (configs.length > 0) await removeConfigs(configs);
}
