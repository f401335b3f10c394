import type { mongo } from 'mongoose';

import type { RelayLeadership } from '../outbox/outbox-store';
import { isDuplicateKey } from './is-duplicate-key';

/** One term of a lease: `{ _id: 'customers:outbox-relay#7', name, term: 7, owner, expiresAt }`. */
export interface RelayLeaseDocument {
  _id: string;
  name: string;
  term: number;
  owner: string;
  expiresAt: Date;
}

/**
 * Makes one relay per domain the active one, without transactions or advisory locks. Each
 * holder gets a term of its own: taking the lease over inserts the next term's document, and
 * of several replicas that try at once only one insert passes the unique `_id`. Updates cannot
 * decide that: FerretDB (v1, SQLite) reads and rewrites a document in two steps, so two
 * replicas updating one lease document at once would both succeed. The holder is the only
 * writer of its term's document, which it renews; it reads the latest term after renewing,
 * because a standby whose clock runs ahead may have judged the term expired.
 *
 * Expiry is judged by each replica's clock, so a holder treats its lease as lost a third of
 * the TTL early: that covers as much clock skew between replicas and a slow round.
 */
export class RelayLease implements RelayLeadership {
  private validUntil = 0;
  private term = 0;
  private renewedAt = 0;

  constructor(
    private readonly locks: mongo.Collection<RelayLeaseDocument>,
    readonly name: string,
    readonly owner: string,
    private readonly ttlMs: number,
  ) {}

  get held(): boolean {
    return Date.now() < this.validUntil - this.ttlMs / 3;
  }

  /** The relay claims at least this often while it holds the lease, which renews it in time. */
  get renewWithinMs(): number {
    return this.ttlMs / 3;
  }

  /** Renews a held lease once a third of its TTL has passed (not at every round), or tries to take it. */
  async claim(): Promise<boolean> {
    if (this.held && Date.now() - this.renewedAt < this.ttlMs / 3) return true;
    return this.acquireOrRenew();
  }

  /**
   * Renews the lease when this owner holds it, takes it over when it is free or expired.
   * @returns whether this owner holds it now.
   */
  async acquireOrRenew(): Promise<boolean> {
    const now = Date.now();
    try {
      const latest = await this.latest();
      if (latest && latest.expiresAt.getTime() > now) {
        return latest.term === this.term && latest.owner === this.owner ? await this.renew(now) : this.lose();
      }
      return await this.takeOver((latest?.term ?? 0) + 1, now);
    } catch (error) {
      throw new Error(`lease ${this.name}: taking or renewing it as ${this.owner} failed`, { cause: error });
    }
  }

  /** Ends this owner's term now, so that a standby takes over at its next attempt rather than after the TTL. */
  async release(): Promise<void> {
    if (this.term === 0) return;
    const term = this.term;
    this.lose();
    try {
      await this.locks.updateOne({ _id: this.idOf(term), owner: this.owner }, { $set: { expiresAt: new Date(0) } });
    } catch (error) {
      throw new Error(`lease ${this.name}: releasing term ${term} as ${this.owner} failed`, { cause: error });
    }
  }

  private async renew(now: number): Promise<boolean> {
    await this.locks.updateOne({ _id: this.idOf(this.term) }, { $set: { expiresAt: new Date(now + this.ttlMs) } });
    if ((await this.latest())?.term !== this.term) return this.lose();
    this.validUntil = now + this.ttlMs;
    this.renewedAt = now;
    return true;
  }

  private async takeOver(term: number, now: number): Promise<boolean> {
    const lease = {
      _id: this.idOf(term),
      name: this.name,
      term,
      owner: this.owner,
      expiresAt: new Date(now + this.ttlMs),
    };
    try {
      await this.locks.insertOne(lease);
    } catch (error) {
      if (isDuplicateKey(error)) return this.lose(); // another replica took this term first
      throw error;
    }
    this.term = term;
    this.validUntil = now + this.ttlMs;
    this.renewedAt = now;
    // Housekeeping only: the latest term decides, older ones are just clutter.
    await this.locks.deleteMany({ name: this.name, term: { $lt: term } }).catch(() => undefined);
    return true;
  }

  private latest(): Promise<RelayLeaseDocument | null> {
    return this.locks.findOne({ name: this.name }, { sort: { term: -1 } });
  }

  private lose(): false {
    this.validUntil = 0;
    this.term = 0;
    return false;
  }

  private idOf(term: number): string {
    return `${this.name}#${term}`;
  }
}
