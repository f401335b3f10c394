import { redisConfig } from '@mesh/messaging';
import { KillableRedisServer } from '@mesh/messaging/testing';
import { Processor } from '@nestjs/bullmq';
import { Global, Logger, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { Registry } from 'prom-client';

import { JobWorkerHost } from './job-errors';
import { JobsModule } from './jobs.module';
import { ROLLUP_QUEUE } from './queues';

@Processor(ROLLUP_QUEUE)
class IdleProcessor extends JobWorkerHost {
  process(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Redis is down: BullMQ's queues and workers fail to connect again and again. Each failure must
 * be one warning line through the service's logger, never BullMQ's fallback, a console.error of
 * the whole error and stack. (Redis comes back before the module closes: BullMQ's close waits
 * for its connections.)
 */
describe("analytics' BullMQ queues and workers while Redis is down", () => {
  it('log each connection error as one warning line', async () => {
    const redis = await KillableRedisServer.start();
    await redis.kill();
    const url = redis.url;
    @Global()
    @Module({
      providers: [
        { provide: redisConfig.KEY, useValue: { topology: { kind: 'single', url } } },
        { provide: Registry, useValue: new Registry() },
      ],
      exports: [redisConfig.KEY, Registry],
    })
    class Surroundings {}
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const moduleRef = await Test.createTestingModule({
      imports: [Surroundings, JobsModule],
      providers: [IdleProcessor],
    }).compile();
    try {
      await moduleRef.init();
      await sleep(2_000);

      expect(consoleError).not.toHaveBeenCalled();
      const lines = warnings.mock.calls.map(([message]) => String(message));
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^queue rebuild: .*ECONNREFUSED/)]));
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^worker rollup: .*ECONNREFUSED/)]));
      expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    } finally {
      await redis.restart();
      await moduleRef.close();
      await redis.kill();
      consoleError.mockRestore();
      warnings.mockRestore();
    }
  }, 30_000);
});
