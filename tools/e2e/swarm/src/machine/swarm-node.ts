import { docker } from '../shell/docker';

export interface SwarmNode {
  /** True when this run made the node a swarm manager, so it must leave the swarm again. */
  readonly initialisedHere: boolean;
  leave(): Promise<void>;
}

/**
 * This machine as a swarm manager: as it is when it already is one; `docker swarm init` (one
 * node, advertised on the loopback address) when it is in no swarm. A worker cannot deploy.
 */
export async function ensureSwarmManager(log: (line: string) => void): Promise<SwarmNode> {
  const [state, isManager] = (
    await docker(['info', '--format', '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}'])
  )
    .trim()
    .split(' ');
  if (state === 'active' && isManager === 'true') {
    log('this node is already a swarm manager: deploying to that swarm');
    return { initialisedHere: false, leave: async () => undefined };
  }
  if (state !== 'inactive') {
    throw new Error(
      `this node's swarm state is "${state}" (manager: ${isManager}): the test deploys from a manager or from no swarm at all`,
    );
  }
  await docker(['swarm', 'init', '--advertise-addr', '127.0.0.1']);
  log('docker swarm init: a one-node swarm on 127.0.0.1');
  return {
    initialisedHere: true,
    leave: async () => {
      await docker(['swarm', 'leave', '--force']);
    },
  };
}
