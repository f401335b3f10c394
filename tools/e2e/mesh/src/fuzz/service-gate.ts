import { once } from 'node:events';
import { EventEmitter } from 'node:events';

import type { DomainName } from '../../../kit/src/api/domain-apis';

/**
 * Lets the malformed requests go on while the scenario restarts a service: requests for a
 * closed service wait at the gate, and closing it waits for the ones already sent to return,
 * so that none is cut off by the kill (the kill's effect is checked elsewhere).
 */
export class ServiceGate {
  private readonly closed = new Set<DomainName>();
  private readonly inFlight = new Map<DomainName, number>();
  private readonly changes = new EventEmitter();

  isClosed(service: DomainName): boolean {
    return this.closed.has(service);
  }

  /** Waits while `service` is closed, then counts the caller's request as in flight until `release`. */
  async enter(service: DomainName): Promise<void> {
    while (this.closed.has(service)) await once(this.changes, 'open');
    this.inFlight.set(service, (this.inFlight.get(service) ?? 0) + 1);
  }

  release(service: DomainName): void {
    this.inFlight.set(service, (this.inFlight.get(service) ?? 1) - 1);
    this.changes.emit('released');
  }

  /** Stops new requests to `service` and resolves once those under way have their answers. */
  async close(service: DomainName): Promise<void> {
    this.closed.add(service);
    while ((this.inFlight.get(service) ?? 0) > 0) await once(this.changes, 'released');
  }

  open(service: DomainName): void {
    this.closed.delete(service);
    this.changes.emit('open');
  }
}
