import type { MeshProcesses } from '../../../mesh/src/harness/mesh-processes';
import { type DomainName,DOMAINS } from '../../../mesh/src/harness/mesh-processes';

/** One process of the fleet: a domain in one replica set. */
export interface ReplicaSlot {
  domain: DomainName;
  /** 1-based, as in the log directory `replica-<n>`. */
  replica: number;
}

export const slotName = (slot: ReplicaSlot) => `${slot.domain} #${slot.replica}`;

/**
 * How long a restarted replica's memory says nothing about leaks: its heap peaks while it loads,
 * compiles and catches up (measured: analytics at 80 MiB 40 s after a restart, 60 MiB after).
 */
export const PROCESS_WARM_UP_MS = 90_000;

/**
 * Every replica of every domain, and which of them can take requests now: the soak sends each
 * request to the next ready replica of its domain, as a load balancer that health-checks would,
 * and kills and restarts replicas one at a time.
 */
export class ReplicaFleet {
  private readonly down = new Set<string>();
  /** When each restarted replica was ready again (by `now`). */
  private readonly readyAt = new Map<string, number>();
  private turn = 0;

  constructor(
    private readonly replicaSets: readonly MeshProcesses[],
    private readonly now: () => number = () => performance.now(),
  ) {}

  get slots(): ReplicaSlot[] {
    return this.replicaSets.flatMap((_, index) => DOMAINS.map((domain) => ({ domain, replica: index + 1 })));
  }

  /** The URL of the next ready replica of `domain` (any replica when none is ready: the request then fails and is retried). */
  nextUrl(domain: DomainName): string {
    const ready = this.replicaSets.filter((_, index) => !this.down.has(slotName({ domain, replica: index + 1 })));
    const choices = ready.length > 0 ? ready : this.replicaSets;
    this.turn += 1;
    return choices[this.turn % choices.length].url(domain);
  }

  url(slot: ReplicaSlot): string {
    return this.set(slot).url(slot.domain);
  }

  pid(slot: ReplicaSlot): number | undefined {
    return this.down.has(slotName(slot)) ? undefined : this.set(slot).pid(slot.domain);
  }

  /** SIGKILL one replica, then start it again; requests go to the others until it is ready. */
  async killAndRestart(slot: ReplicaSlot): Promise<number> {
    const started = this.now();
    this.down.add(slotName(slot));
    try {
      await this.set(slot).kill(slot.domain);
      await this.set(slot).start(slot.domain);
    } finally {
      this.down.delete(slotName(slot));
      this.readyAt.set(slotName(slot), this.now());
    }
    return (this.now() - started) / 1_000;
  }

  /** Whether the replica was restarted less than PROCESS_WARM_UP_MS ago (the soak's own first start is not counted). */
  warmingUp(slot: ReplicaSlot): boolean {
    const readyAt = this.readyAt.get(slotName(slot));
    return readyAt !== undefined && this.now() - readyAt < PROCESS_WARM_UP_MS;
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
