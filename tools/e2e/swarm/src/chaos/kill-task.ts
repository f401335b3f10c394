import { eventually } from '../../../kit/src/eventually';
import { docker } from '../shell/docker';
import { serviceTasks, type TaskRow } from '../stack/service-tasks';

export interface KilledTask {
  readonly service: string;
  readonly taskId: string;
  readonly killedAt: number;
}

/** SIGKILLs the container of one running task of the service (`docker kill`): no shutdown at all. */
export async function killOneTask(service: string): Promise<KilledTask> {
  const rows = (
    await docker([
      'ps',
      '--filter',
      `label=com.docker.swarm.service.name=${service}`,
      '--filter',
      'status=running',
      '--format',
      '{{.ID}} {{.Label "com.docker.swarm.task.id"}}',
    ])
  )
    .trim()
    .split('\n')
    .filter(Boolean);
  if (rows.length === 0) throw new Error(`${service}: no running container to kill`);
  const [containerId, taskId] = rows[0].split(' ');
  await docker(['kill', '--signal', 'KILL', containerId]);
  return { service, taskId, killedAt: Date.now() };
}

export interface Replacement {
  readonly killedState: string;
  readonly replacedAfterMs: number;
}

/**
 * Waits until Swarm has replaced the killed task: as many healthy running tasks as desired, none
 * of them the killed one, and the killed one recorded as failed.
 */
export async function waitForReplacement(killed: KilledTask, desired: number, timeoutMs: number): Promise<Replacement> {
  const killedTaskOnceReplaced = (tasks: readonly TaskRow[]) => {
    const running = tasks.filter((task) => task.desiredState === 'Running' && task.currentState.startsWith('Running'));
    const killedTask = tasks.find((task) => task.id === killed.taskId);
    const replaced = running.length === desired && running.every((task) => task.id !== killed.taskId);
    return replaced && killedTask?.desiredState === 'Shutdown' ? killedTask : undefined;
  };
  const waited = await eventually(
    () => serviceTasks(killed.service),
    (tasks) => killedTaskOnceReplaced(tasks) !== undefined,
    killed.killedAt + timeoutMs - Date.now(),
    1_000,
  );
  const killedTask = killedTaskOnceReplaced(waited.result);
  if (killedTask) {
    return {
      killedState: `${killedTask.currentState}${killedTask.error ? ` (${killedTask.error})` : ''}`,
      replacedAfterMs: Date.now() - killed.killedAt,
    };
  }
  const states = waited.result
    .slice(0, 6)
    .map((task) => `${task.name} ${task.desiredState}/${task.currentState} ${task.error}`);
  throw new Error(
    `${killed.service}: task ${killed.taskId} not replaced within ${timeoutMs / 1000} s:\n    ${states.join('\n    ')}`,
  );
}
