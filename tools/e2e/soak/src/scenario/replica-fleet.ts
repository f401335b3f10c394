import { type DomainName, DOMAINS } from '../../../kit/src/api/domain-apis';
import type { MeshProcesses } from '../../../mesh/src/harness/mesh-processes';

/** One process of the fleet: a domain in one replica set. */
export interface ReplicaSlot {
  domain: DomainName;
  /** 1-based, as in the log directory `replica-<n>`. */
  replica: number;
}

export const slotName = (slot: ReplicaSlot) => `${slot.domain} #${slot.replica}`;

/**
 * Whether the soak leaves this replica running for the whole run. Replica #1 of every domain is
 * never killed, so that its memory shows what months of one process do: a replica killed every
 * few minutes starts afresh each time and could not show a leak, and its start-up peaks
 * (measured: analytics' heap at 80 MiB 40 s after a restart, 60 MiB after) read as growth.
 */
export const longLived = (slot: ReplicaSlot) => slot.replica === 1;

/**
 * Every replica of every domain, and which of them can take requests now: the soak sends each
 * request to the next ready replica of its domain, as a load balancer that health-checks would,
 * and kills and restarts replicas one at a time.
 */
export class ReplicaFleet {
  private readonly down = new Set<string>();
  private turn = 0;

  constructor(
    private readonly replicaSets: readonly MeshProcesses[],
    private readonly inspectorPorts: ReadonlyMap<DomainName, number> = new Map(),
  ) {
    if (replicaSets.length < 2) throw new Error('the fleet needs two replicas of every domain: one is never killed');
  }

  get slots(): ReplicaSlot[] {
    return this.replicaSets.flatMap((_, index) => DOMAINS.map((domain) => ({ domain, replica: index + 1 })));
  }

  /** The replicas the soak kills and restarts in turn: all but the long-lived ones. */
  get killableSlots(): ReplicaSlot[] {
    return this.slots.filter((slot) => !longLived(slot));
  }

  /** The URL of the next ready replica of `domain` (any replica when none is ready: the request then fails and is retried). */
  nextUrl(domain: DomainName): string {
    const ready = this.replicaSets.filter((_, index) => !this.down.has(slotName({ domain, replica: index + 1 })));
    const choices = ready.length > 0 ? ready : this.replicaSets;
    this.turn += 1;
    return choices[this.turn % choices.length].url(domain);
  }

  /** The V8 inspector port of a long-lived replica (the mesh opens those of the first replica set). */
  inspectorPort(slot: ReplicaSlot): number {
    const port = longLived(slot) ? this.inspectorPorts.get(slot.domain) : undefined;
    if (port === undefined) throw new Error(`${slotName(slot)} has no inspector open`);
    return port;
  }

  url(slot: ReplicaSlot): string {
    return this.set(slot).url(slot.domain);
  }

  pid(slot: ReplicaSlot): number | undefined {
    return this.down.has(slotName(slot)) ? undefined : this.set(slot).pid(slot.domain);
  }

  /** SIGKILL one replica, then start it again; requests go to the others until it is ready. */
  async killAndRestart(slot: ReplicaSlot): Promise<number> {
    if (longLived(slot)) throw new Error(`${slotName(slot)} is long-lived: the soak never kills it`);
    const started = performance.now();
    this.down.add(slotName(slot));
    try {
      await this.set(slot).kill(slot.domain);
      await this.set(slot).start(slot.domain);
    } finally {
      this.down.delete(slotName(slot));
    }
    return (performance.now() - started) / 1_000;
  }

  get crashes(): string[] {
    return this.replicaSets.flatMap((set, index) =>
      set.crashes.map(
        (crash) =>
          `${crash.service} #${index + 1} (${crash.exit.signal ?? `code ${crash.exit.code}`}): ${crash.lastLines.slice(-3).join(' | ')}`,
      ),
    );
  }

  private set(slot: ReplicaSlot): MeshProcesses {
    const set = this.replicaSets[slot.replica - 1];
    if (!set) throw new Error(`there is no replica ${slot.replica}`);
    return set;
  }
}
