import type { DataProductManifest, InputStreamStatus, OutboxStatus, OutputStreamStatus } from '@mesh/contract-kit';
import type { MeasuredFigures } from '@mesh/service';
import type { RedisClient } from '@mesh/service';

import type { OutboxBacklog } from '../metrics/messaging-metrics';
import { measureInputStream } from './input-stream-status';
import { measureOutputStream } from './output-stream-status';
import { measurePart, type PartResult } from './part-result';

export interface FigureSources {
  /** A connected client and Redis's time; rejects when Redis cannot be reached. */
  redisClock(): Promise<{ redis: RedisClient; nowMs: number }>;
  /** The outbox's unpublished events and the age of the oldest, from the domain's store. */
  outboxBacklog(): Promise<OutboxBacklog>;
  /** How long one part (the outputs, an input, the outbox) may take. */
  partTimeoutMs: number;
}

/**
 * Measures every part at once, each on its own: RedisClient being down leaves the outbox figures in
 * place (a growing backlog is then the interesting figure), and a slow store does not hide the
 * streams. A part that fails or takes too long has null figures and an `error`.
 */
export async function measureFigures(manifest: DataProductManifest, sources: FigureSources): Promise<MeasuredFigures> {
  const clock = measurePart(sources.redisClock, sources.partTimeoutMs);
  const [outputs, inputs, outbox] = await Promise.all([
    Promise.all(
      manifest.outputPorts.streams.map(async ({ stream }): Promise<OutputStreamStatus> => {
        const { value, error } = await measurePart(async () => {
          const { redis } = await onRedis(clock);
          return measureOutputStream(redis, stream);
        }, sources.partTimeoutMs);
        return value ?? { stream, length: null, groups: [], error };
      }),
    ),
    Promise.all(
      manifest.inputPorts.map(async (port): Promise<InputStreamStatus> => {
        const { value, error } = await measurePart(async () => {
          const { redis, nowMs } = await onRedis(clock);
          return measureInputStream(redis, port, nowMs);
        }, sources.partTimeoutMs);
        return value ?? unmeasuredInput(port.stream, port.group, error);
      }),
    ),
    measureOutbox(sources),
  ]);
  return { outputs, inputs, outbox, freshnessSeconds: freshness(inputs) };
}

/** The connection and Redis's time, read once for every part; each part fails with the same reason. */
async function onRedis(clock: Promise<PartResult<{ redis: RedisClient; nowMs: number }>>) {
  const { value, error } = await clock;
  if (!value) throw new Error(error);
  return value;
}

async function measureOutbox(sources: FigureSources): Promise<OutboxStatus> {
  const { value, error } = await measurePart(sources.outboxBacklog, sources.partTimeoutMs);
  if (!value) return { backlog: null, oldestAgeSeconds: null, error };
  return {
    backlog: value.count,
    oldestAgeSeconds: value.count === 0 ? null : Math.round(value.oldestAgeMs) / 1000,
  };
}

/** The domain is as fresh as its most-behind input; unknown when any input is. */
function freshness(inputs: readonly InputStreamStatus[]): number | null {
  if (inputs.length === 0) return null;
  const behind = inputs.map((input) => input.behindSeconds);
  return behind.some((seconds) => seconds === null) ? null : Math.max(...(behind as number[]));
}

function unmeasuredInput(stream: string, group: string, error: string | undefined): InputStreamStatus {
  return {
    stream,
    group,
    lag: null,
    pending: null,
    deadLetters: null,
    lostToCap: null,
    behindSeconds: null,
    lastDeliveredAt: null,
    error,
  };
}
