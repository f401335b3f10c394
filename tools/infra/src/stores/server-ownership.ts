import { executableOf, isAlive } from '../processes';
import type { StartedServer } from './store-types';

/**
 * Whether the recorded pid still runs the program infra started. Where /proc
 * is missing the program cannot be checked, and a live pid is trusted.
 */
export function isStillOurs(server: StartedServer): boolean {
  if (!isAlive(server.pid)) return false;
  const executable = executableOf(server.pid);
  return executable === undefined || executable === server.executable;
}
