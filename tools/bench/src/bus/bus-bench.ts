import type { EventEnvelope } from '@mesh/contract-kit';
import { Redis } from 'ioredis';
import { cpus, loadavg } from 'node:os';

import { formatCount, formatMs } from '../stats/table';
import { BusBenchOptions, ContenderName, parseBusBenchOptions } from './bench-options';
import type { BenchContext, BusContender } from './contender';
import { BullmqContender } from './contenders/bullmq';
import { IoredisRawContender } from './contenders/ioredis-raw';
import { LibraryContender } from './contenders/library';
import { NestRedisContender } from './contenders/nest/nest-redis';
import { orderPlacedEvents } from './order-placed';
import { latencyEventCount } from './phases';
import { ContenderResult, renderResults, targetVerdicts } from './results';

const contenders: Record<ContenderName, (context: BenchContext) => BusContender> = {
  ioredis: (context) => new IoredisRawContender(context),
  library: (context) => new LibraryContender(context),
  bullmq: (context) => new BullmqContender(context),
  nest: (context) => new NestRedisContender(context),
};

/** Progress goes to stderr so that stdout holds only the report. */
function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** 1, 5 and 15 minute load averages: other work on the machine skews every number. */
function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

/** Starts a phase with a clean heap (with --expose-gc), so that no phase pays for the garbage of another. */
function collectGarbage(): void {
  gc?.();
}

async function measure(contender: BusContender, events: readonly EventEnvelope[], options: BusBenchOptions) {
  const throughputEvents = events.slice(0, options.events);
  collectGarbage();
  const publishPerSecond = await contender.publish(throughputEvents);
  progress(`  publish  ${formatCount(publishPerSecond)} events/s`);
  collectGarbage();
  const consume = await contender.consume(throughputEvents);
  progress(`  consume  ${formatCount(consume.perSecond)} events/s, ${consume.lost} lost`);
  collectGarbage();
  const latency = await contender.latency(events);
  progress(`  latency  p50 ${formatMs(latency.p50)} ms, p99 ${formatMs(latency.p99)} ms, ${latency.lost} lost`);
  return { label: contender.label, publishPerSecond, consume, latency, notes: contender.notes };
}

async function header(options: BusBenchOptions, runId: string, redis: Redis): Promise<string> {
  const server = await redis.info('server');
  const redisVersion = /redis_version:(\S+)/.exec(server)?.[1] ?? 'unknown';
  return [
    `event bus benchmark ${runId} — ${new Date().toISOString()}`,
    `node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim()}), load average ${loadAverage()}; ` +
      `Redis ${redisVersion} at ${options.redisUrl}`,
    `throughput: ${formatCount(options.events)} events, publish batches of ${formatCount(options.batchSize)}; ` +
      `latency: ${formatCount(options.rate)} events/s for ${options.durationSeconds} s after a ${options.warmupSeconds} s warm-up; ` +
      'payload: order-placed CloudEvent, 11 data fields with 3 order lines (zod contract); ' +
      'contenders run one after another in this process, garbage collected before each phase',
  ].join('\n');
}

/** Deletes every key of this run: streams, groups, BullMQ queues. */
async function deleteRunKeys(redis: Redis, runId: string): Promise<number> {
  let deleted = 0;
  for (const pattern of [`${runId}*`, `{${runId}*`]) {
    for await (const keys of redis.scanStream({ match: pattern, count: 1_000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) deleted += await redis.del(...keys);
    }
  }
  return deleted;
}

export async function runBusBench(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const options = parseBusBenchOptions(argv, env);
  const runId = `bench-${process.pid}-${Date.now().toString(36)}`;
  const redis = new Redis(options.redisUrl);
  const started = performance.now();
  try {
    const report = [await header(options, runId, redis)];
    const events = orderPlacedEvents(Math.max(options.events, latencyEventCount(options)));
    const results: ContenderResult[] = [];
    for (const name of options.contenders) {
      const contender = contenders[name]({ options, runId });
      progress(`${contender.label}`);
      try {
        results.push(await measure(contender, events, options));
      } finally {
        await contender.close();
        await deleteRunKeys(redis, runId);
      }
    }
    const baseline = results.find((result) => result.label === 'raw ioredis');
    report.push('', renderResults(results, baseline));
    const library = results.find((result) => result.label.startsWith('@mesh/messaging'));
    if (library) report.push('', 'targets of @mesh/messaging:', ...targetVerdicts(library).map((line) => `  ${line}`));
    report.push(
      '',
      `whole benchmark: ${((performance.now() - started) / 1_000).toFixed(1)} s; load average at the end ${loadAverage()}`,
    );
    process.stdout.write(`${report.join('\n')}\n`);
  } finally {
    await deleteRunKeys(redis, runId);
    await redis.quit();
  }
}
