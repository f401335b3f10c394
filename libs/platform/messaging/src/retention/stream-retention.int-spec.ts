
import { EventPublisher } from '../publisher/event-publisher';
import { streamKeys } from '../streams/stream-keys';
import { testManifest } from '../testing/test-manifest';
import { testRedis } from '../testing/test-redis';
import { countedEvents, deleteStreamKeys, eventually, testStream } from '../testing/test-streams';
import { type RetentionObserver, StreamRetention } from './stream-retention';
import type { GroupBehind } from './trim-stream';

/** A millisecond, in the hours a manifest counts in. */
const MS_IN_HOURS = 1 / 3_600_000;

describe('StreamRetention', () => {
  const redis = testRedis();
  const output = testStream();
  const input = testStream();
  const retentions: StreamRetention[] = [];

  afterAll(async () => {
    await Promise.all(retentions.map((retention) => retention.stop()));
    await deleteStreamKeys(redis, output.stream);
    await deleteStreamKeys(redis, input.stream);
    await redis.quit();
  });

  it('trims on its schedule only on the trimmer replica, reports a group past the cap, and trims dead letters', async () => {
    const key = streamKeys.source(output.stream);
    await redis.xgroup('CREATE', key, 'never-reads', '0', 'MKSTREAM');
    await new EventPublisher(redis, output.catalog).publishBatch(countedEvents(output.itemCounted, 10));
    const deadLetters = streamKeys.deadLetter(input.stream, 'test');
    await redis.xadd(deadLetters, '*', 'reason', 'kept for a millisecond');

    const seen = { trimmer: [] as GroupBehind[], other: [] as GroupBehind[] };
    const observer = (into: GroupBehind[]): RetentionObserver => ({
      groupBehind: (_stream, behind) => void into.push(behind),
      problem: (message, error) => {
        throw new Error(message, { cause: error });
      },
    });
    const start = (isTrimmer: boolean, into: GroupBehind[]) => {
      const retention = new StreamRetention(redis, {
        manifest: testManifest({
          outputs: [output.stream],
          inputs: [input.stream],
          replay: { windowHours: MS_IN_HOURS, capHours: MS_IN_HOURS },
        }),
        deadLettersKeptMs: 1,
        intervalMs: 50,
        isTrimmer: () => isTrimmer,
        observer: observer(into),
      });
      retention.start();
      retentions.push(retention);
    };
    start(false, seen.other);
    start(true, seen.trimmer);

    await eventually('the stream and the dead letters trimmed', async () => {
      return (await redis.xlen(key)) === 0 && (await redis.xlen(deadLetters)) === 0;
    });
    expect(seen.trimmer).toEqual([{ group: 'never-reads', lost: 10 }]);
    expect(seen.other).toEqual([]);
    // Kept in Redis for the status endpoint of every replica and the catalog.
    expect(await redis.hgetall(streamKeys.lost(output.stream))).toEqual({ 'never-reads': '10' });
  });

  it('trims by the replay override instead of the declared week, and says so when it starts', async () => {
    const replaced = testStream();
    const key = streamKeys.source(replaced.stream);
    await new EventPublisher(redis, replaced.catalog).publishBatch(countedEvents(replaced.itemCounted, 5));
    const overrides: unknown[] = [];
    const retention = new StreamRetention(redis, {
      manifest: testManifest({ outputs: [replaced.stream] }),
      replayOverride: { windowMs: 1, capMs: 1 },
      deadLettersKeptMs: 1,
      intervalMs: 50,
      isTrimmer: () => true,
      observer: { overridden: (override) => void overrides.push(override) },
    });
    retention.onApplicationBootstrap();
    retentions.push(retention);

    await eventually('the stream trimmed though its manifest keeps a week', async () => (await redis.xlen(key)) === 0);
    expect(overrides).toEqual([{ windowMs: 1, capMs: 1 }]);
    await deleteStreamKeys(redis, replaced.stream);
  });
});
