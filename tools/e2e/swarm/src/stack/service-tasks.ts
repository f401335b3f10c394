import { dockerJsonLines, dockerResult } from '../shell/docker';

export interface ServiceState {
  readonly name: string;
  readonly mode: string;
  readonly running: number;
  readonly desired: number;
}

/** Every service of the stack with its running and desired task counts (`docker service ls`). */
export async function serviceStates(stack: string): Promise<ServiceState[]> {
  const rows = await dockerJsonLines<{ Name: string; Mode: string; Replicas: string }>([
    'service',
    'ls',
    '--filter',
    `label=com.docker.stack.namespace=${stack}`,
    '--format',
    '{{json .}}',
  ]);
  return rows.map((row) => {
    // "2/2", or "1/1 (max 1 per node)" on newer engines.
    const [running, desired] = row.Replicas.split(' ')[0].split('/').map(Number);
    return { name: row.Name, mode: row.Mode, running, desired };
  });
}

export interface TaskRow {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly desiredState: string;
  readonly currentState: string;
  readonly error: string;
}

/** The tasks of a service, newest first, as `docker service ps` lists them. */
export async function serviceTasks(service: string, filters: readonly string[] = []): Promise<TaskRow[]> {
  const rows = await dockerJsonLines<Record<string, string>>([
    'service',
    'ps',
    '--no-trunc',
    ...filters.flatMap((filter) => ['--filter', filter]),
    '--format',
    '{{json .}}',
    service,
  ]);
  return rows.map((row) => ({
    id: row['ID'],
    name: row['Name'],
    image: row['Image'],
    desiredState: row['DesiredState'],
    currentState: row['CurrentState'],
    error: row['Error'],
  }));
}

/** The last lines a service's tasks logged (all its tasks; what they wrote to stdout and stderr). */
export async function serviceLogTail(service: string, lines: number): Promise<string> {
  const result = await dockerResult(['service', 'logs', '--no-trunc', '--tail', String(lines), service]);
  return `${result.stdout}${result.stderr}`.trim() || '(no log lines)';
}
