import { join } from 'node:path';

/** The repository's root: tools/e2e/swarm/src is four levels below it. */
export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
