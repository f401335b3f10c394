import { FailFastRedis } from '@mesh/messaging';
import type { RedisTarget } from '@mesh/service';

import type { RawEntry } from './sample-entries';

/**
 * The catalog's one Redis connection, for reading samples. It sends nothing but XREVRANGE (and
 * AUTH/HELLO, which need no grant): no ready check, no client name, no QUIT on close, so the
 * `mesh-catalog` ACL user needs no other command. Fail fast: while Redis is down each read says
 * so at once, and the next one connects again.
 */
export class SampleRedis {
  private readonly connection: FailFastRedis;

  constructor(target: RedisTarget, timeoutMs: number) {
    this.connection = new FailFastRedis(target, timeoutMs);
  }

  /** The newest `count` entries of `key`, newest first (XREVRANGE; no consumer group is involved). */
  async latest(key: string, count: number): Promise<RawEntry[]> {
    const redis = await this.connection.connected();
    return (await redis.xrevrange(key, '+', '-', 'COUNT', count)) as RawEntry[];
  }

  close(): void {
    this.connection.close();
  }
}
