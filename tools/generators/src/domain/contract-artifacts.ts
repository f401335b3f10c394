import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { DomainNames } from './domain-names';
import type { Registration } from './workspace-registrations';

/** The contract artifact tool (tools/contracts) whose `contracts` target writes a library's generated/ folder. */
export const CONTRACT_TOOL = 'tools/contracts/src/cli.ts';

/**
 * Runs the new contracts library's `contracts` target, so that its generated/ folder (AsyncAPI,
 * JSON Schemas, ODCS, manifest) exists and `contract-check` has the first version to compare with.
 */
export function writeContractArtifacts(root: string, domain: DomainNames): Registration {
  const project = `${domain.name}-contracts`;
  const file = `libs/${domain.name}/contracts/generated`;
  const nx = join(root, 'node_modules', '.bin', 'nx');
  if (!existsSync(nx)) return { file, done: false, detail: `not written (no nx in ${root}); run npx nx run ${project}:contracts` };
  try {
    execFileSync(nx, ['run', `${project}:contracts`, '--output-style=stream'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return { file, done: true, detail: `contract artifacts written (npx nx run ${project}:contracts)` };
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
    return { file, done: false, detail: `not written: ${stderr}; fix it, then run npx nx run ${project}:contracts` };
  }
}
