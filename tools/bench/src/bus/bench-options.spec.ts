import { parseBusBenchOptions } from './bench-options';

describe('parseBusBenchOptions', () => {
  it('has defaults for everything', () => {
    expect(parseBusBenchOptions([], {})).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      events: 100_000,
      batchSize: 1_000,
      rate: 5_000,
      durationSeconds: 3,
      warmupSeconds: 0.5,
      bullmqConcurrency: 50,
      contenders: ['ioredis', 'library', 'bullmq', 'nest'],
    });
  });

  it('reads the environment, and lets flags win over it', () => {
    const options = parseBusBenchOptions(['--events=2000', '--duration=1.5', '--only=nest,ioredis'], {
      BENCH_EVENTS: '50',
      BENCH_RATE: '100',
      REDIS_URL: 'redis://redis:6380',
    });
    expect(options).toMatchObject({
      events: 2_000,
      rate: 100,
      durationSeconds: 1.5,
      redisUrl: 'redis://redis:6380',
      contenders: ['ioredis', 'nest'],
    });
  });

  it.each([
    [['--events=0'], /--events \/ BENCH_EVENTS must be a positive integer, got "0"/],
    [['--batch=1.5'], /--batch \/ BENCH_BATCH must be a positive integer, got "1.5"/],
    [['--rate=fast'], /--rate \/ BENCH_RATE must be a positive integer, got "fast"/],
    [['--colour=red'], /unknown option\(s\) --colour/],
    [['events=5'], /unknown argument "events=5"/],
    [['--only=kafka'], /unknown contender\(s\) kafka/],
  ])('refuses %j with a reason', (argv, reason) => {
    expect(() => parseBusBenchOptions(argv, {})).toThrow(reason);
  });
});
