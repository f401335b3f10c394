import { existsSync, lstatSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runChecked } from '../shell/run';
import { WORKSPACE_ROOT } from '../workspace';

/**
 * Writes the build context of deploy/docker/Dockerfile as a tar archive and returns its path: the
 * files git tracks plus the new ones it does not ignore, so node_modules, dist and .mesh never
 * go to the daemon. Docker's classic builder (all a client without buildx has) reads only a
 * .dockerignore at the root of the context; an archive makes the test independent of the builder.
 */
export async function writeSourceContext(workDirectory: string): Promise<string> {
  const listing = await runChecked('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: WORKSPACE_ROOT,
  });
  // A file deleted but not yet committed is still listed as tracked.
  const files = listing.split('\0').filter((file) => {
    const path = join(WORKSPACE_ROOT, file);
    return file !== '' && existsSync(path) && !lstatSync(path).isDirectory();
  });
  const fileList = join(workDirectory, 'context-files');
  const archive = join(workDirectory, 'context.tar');
  writeFileSync(fileList, files.join('\0'));
  await runChecked('tar', ['--null', '-T', fileList, '-cf', archive], { cwd: WORKSPACE_ROOT });
  return archive;
}
