import { dirname } from 'node:path';

import { InfraError } from '../errors';
import { executableOf, isAlive, runCommand, terminate, waitForExit } from '../processes';
import { isStillOurs } from './server-ownership';
import type { StartedServer } from './store-types';

/**
 * Stops a server infra started, and nothing else: a pid that now runs another
 * program is left alone. Returns what happened, for the log.
 */
export async function stopServer(server: StartedServer): Promise<string> {
  const name = `${server.kind} (pid ${server.pid}, port ${server.port})`;
  if (!isAlive(server.pid)) return `${name} was no longer running`;
  if (!isStillOurs(server)) {
    return `${name}: pid ${server.pid} now runs ${executableOf(server.pid) ?? 'another program'}; left alone`;
  }
  if (server.stop.method === 'pg-ctl') {
    const { pgCtl, uid, gid } = server.stop;
    const result = await runCommand(pgCtl, ['stop', '-D', server.dataDir, '-m', 'fast', '-w', '-t', '30'], {
      uid,
      gid,
      // The postgres user may not reach the caller's directory (a workspace under a 0700 parent).
      cwd: dirname(server.dataDir),
    });
    if (result.code !== 0 || !(await waitForExit(server.pid, 5_000))) {
      throw new InfraError(`pg_ctl stop of ${name} failed: ${result.output.trim()}`, {
        fix: `${pgCtl} stop -D ${server.dataDir} -m immediate`,
      });
    }
    return `stopped ${name}`;
  }
  const how = await terminate(server.pid);
  return how === 'stopped' ? `stopped ${name}` : `killed ${name} (it ignored SIGTERM)`;
}
