import { KillableRedisServer } from '@mesh/messaging/testing';
import { setTimeout as sleep } from 'node:timers/promises';

import type { RedisFaultReport, RedisUnderTest } from './redis-under-test';

/**
 * One redis-server of the run's own on a free port, with an append-only file fsynced at every
 * write, so that the scenario can kill it without touching the shared one and without losing
 * what it acknowledged.
 */
export class SingleRedis implements RedisUnderTest {
  readonly mode = 'single';

  constructor(
    private readonly server: KillableRedisServer,
    private readonly appendOnlyDir: string,
  ) {}

  static async start(appendOnlyDir: string): Promise<SingleRedis> {
    return new SingleRedis(await KillableRedisServer.start({ appendOnlyDir }), appendOnlyDir);
  }

  get env(): Record<string, string> {
    return { REDIS_URL: this.server.url };
  }

  get target(): string {
    return this.server.url;
  }

  get description(): string {
    return `redis-server of its own at ${this.server.url} (append-only file in ${this.appendOnlyDir})`;
  }

  async interrupt(downMs: number, whileDown: () => Promise<unknown>): Promise<RedisFaultReport> {
    const started = performance.now();
    await this.server.kill();
    await Promise.all([sleep(downMs), whileDown()]);
    await this.server.restart();
    const seconds = (performance.now() - started) / 1_000;
    return { seconds, description: `SIGKILL, restarted on its port with its append-only file after ${seconds.toFixed(1)} s` };
  }

  kill(): Promise<void> {
    return this.server.kill();
  }

  restart(): Promise<void> {
    return this.server.restart();
  }
}
