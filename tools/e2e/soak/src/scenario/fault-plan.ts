import type { ReplicaSlot } from './replica-fleet';

export type PlannedFault =
  | { at: number; kind: 'kill-replica'; slot: ReplicaSlot }
  | { at: number; kind: 'restart-redis' }
  | { at: number; kind: 'restart-mongo' }
  | { at: number; kind: 'poison-events' };

/**
 * What the soak does to the mesh and when (seconds from the start): one replica killed every
 * `killEverySeconds`, the slots taken in turn; Redis restarted once at 40 % of the run and the
 * MongoDB-compatible store at 60 %; a poison event on each input stream every minute, so that
 * dead-letter streams fill and must be trimmed. Nothing is planned in the last half minute, so
 * the final samples see a mesh at work and not one recovering.
 */
export function faultPlan(runSeconds: number, killEverySeconds: number, slots: readonly ReplicaSlot[]): PlannedFault[] {
  const last = runSeconds - 30;
  const plan: PlannedFault[] = [];
  let turn = 0;
  for (let at = killEverySeconds / 2; at <= last; at += killEverySeconds) {
    plan.push({ at, kind: 'kill-replica', slot: slots[turn % slots.length] });
    turn += 1;
  }
  for (let at = 20; at <= last; at += 60) plan.push({ at, kind: 'poison-events' });
  plan.push({ at: Math.round(runSeconds * 0.4), kind: 'restart-redis' });
  plan.push({ at: Math.round(runSeconds * 0.6), kind: 'restart-mongo' });
  return plan.sort((a, b) => a.at - b.at);
}
