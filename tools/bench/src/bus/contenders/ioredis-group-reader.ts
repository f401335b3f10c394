import type { Redis } from 'ioredis';

import type { Arrivals } from '../arrivals';

export const group = 'bench';

type ReadReply = Array<[key: string, entries: Array<[id: string, fields: string[]]>]> | null;

/**
 * The raw consumer: reads a group on a connection of its own, parses each entry's data and
 * acknowledges each read with one XACK, sent without waiting for it before the next read.
 */
export class GroupReader {
  private readonly connection: Redis;
  private loop: Promise<void> = Promise.resolve();
  private running = false;
  private lastAck: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly arrivals: Arrivals,
  ) {
    this.connection = redis.duplicate();
  }

  start(): void {
    this.running = true;
    this.loop = this.readUntilStopped();
  }

  /** Resolves once every XACK sent so far got its reply (replies come back in order). */
  async acked(): Promise<void> {
    await this.lastAck;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.lastAck;
    await this.connection.quit();
  }

  private async readUntilStopped(): Promise<void> {
    const args = ['GROUP', group, 'raw', 'COUNT', 100, 'BLOCK', 100, 'STREAMS', this.key, '>'];
    while (this.running) {
      const reply = (await this.connection.call('XREADGROUP', ...args)) as ReadReply;
      const ids: string[] = [];
      for (const [, entries] of reply ?? []) {
        for (const [entryId, fields] of entries) {
          JSON.parse(fields[fields.length - 1]);
          this.arrivals.arrived(fields[1]);
          ids.push(entryId);
        }
      }
      if (ids.length > 0) this.lastAck = this.redis.xack(this.key, group, ...ids);
    }
  }
}
