import { faultPlan } from './fault-plan';
import type { ReplicaSlot } from './replica-fleet';

const slots: ReplicaSlot[] = [
  { domain: 'orders', replica: 1 },
  { domain: 'customers', replica: 1 },
  { domain: 'orders', replica: 2 },
];

describe('faultPlan', () => {
  const plan = faultPlan(600, 60, slots);

  it('kills one replica a minute, taking the slots in turn, and stops half a minute before the end', () => {
    const kills = plan.filter((fault) => fault.kind === 'kill-replica');
    expect(kills.map((fault) => fault.at)).toEqual([30, 90, 150, 210, 270, 330, 390, 450, 510, 570]);
    expect(kills.slice(0, 4).map((fault) => fault.kind === 'kill-replica' && fault.slot)).toEqual([...slots, slots[0]]);
  });

  it('restarts Redis and the MongoDB-compatible store once each, in time order with the rest', () => {
    expect(plan.filter((fault) => fault.kind === 'restart-redis').map((fault) => fault.at)).toEqual([240]);
    expect(plan.filter((fault) => fault.kind === 'restart-mongo').map((fault) => fault.at)).toEqual([360]);
    expect(plan.map((fault) => fault.at)).toEqual([...plan.map((fault) => fault.at)].sort((a, b) => a - b));
  });
});
