import { eventually } from '../../../kit/src/eventually';
import { serviceLogTail, type ServiceState, serviceStates, serviceTasks } from './service-tasks';

const POLL_MS = 2_000;
const LOG_LINES = 15;

/**
 * Waits until every service of the stack runs all its desired tasks. A task counts as running
 * only once its health check passed, so this is "every service healthy". On timeout the error
 * names each service that is not, with its tasks' states and errors and its last log lines.
 */
export async function waitForHealthyStack(
  stack: string,
  expectedServices: number,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<void> {
  let last = '';
  const statesLogged = async () => {
    const states = await serviceStates(stack);
    const summary = states.map((state) => `${short(stack, state.name)} ${state.running}/${state.desired}`).join(', ');
    if (summary !== last) log(`  ${summary}`);
    last = summary;
    return states;
  };
  const waiting = (states: readonly ServiceState[]) => states.filter((state) => state.running !== state.desired);
  const healthy = (states: readonly ServiceState[]) =>
    states.length >= expectedServices && waiting(states).length === 0;
  const waited = await eventually(statesLogged, healthy, timeoutMs, POLL_MS);
  if (!waited.settled) throw new Error(await unhealthyReport(stack, waiting(waited.result), timeoutMs));
}

async function unhealthyReport(stack: string, waiting: readonly ServiceState[], timeoutMs: number): Promise<string> {
  const sections = await Promise.all(
    waiting.map(async (state) => {
      const tasks = await serviceTasks(state.name);
      const taskLines = tasks
        .slice(0, 6)
        .map((task) => `      ${task.name} ${task.currentState}${task.error ? ` — ${task.error}` : ''}`);
      const logs = (await serviceLogTail(state.name, LOG_LINES)).split('\n').map((line) => `      | ${line}`);
      return [
        `  ${state.name}: ${state.running}/${state.desired} tasks healthy`,
        '    tasks:',
        ...taskLines,
        `    last ${LOG_LINES} log lines:`,
        ...logs,
      ].join('\n');
    }),
  );
  return `stack ${stack} not healthy after ${timeoutMs / 1000} s:\n${sections.join('\n')}`;
}

function short(stack: string, service: string): string {
  return service.startsWith(`${stack}_`) ? service.slice(stack.length + 1) : service;
}
