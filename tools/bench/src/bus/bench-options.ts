export const contenderNames = ['ioredis', 'library', 'bullmq', 'nest'] as const;
export type ContenderName = (typeof contenderNames)[number];

export interface BusBenchOptions {
  redisUrl: string;
  /** Events per throughput phase (publish, then consume). */
  events: number;
  /** Events per publish call in the throughput phase. */
  batchSize: number;
  /** Events per second in the latency phase. */
  rate: number;
  /** Measured seconds of the latency phase, after `warmupSeconds` that are not measured. */
  durationSeconds: number;
  warmupSeconds: number;
  /** Concurrency of the BullMQ worker. */
  bullmqConcurrency: number;
  contenders: ContenderName[];
}

/** Each option: its `--flag=value` name and the environment variable that also sets it. */
const sources = {
  events: ['events', 'BENCH_EVENTS', 100_000],
  batchSize: ['batch', 'BENCH_BATCH', 1_000],
  rate: ['rate', 'BENCH_RATE', 5_000],
  durationSeconds: ['duration', 'BENCH_DURATION', 3],
  warmupSeconds: ['warmup', 'BENCH_WARMUP', 0.5],
  bullmqConcurrency: ['bullmq-concurrency', 'BENCH_BULLMQ_CONCURRENCY', 50],
} as const;

export const usage = `options (flag or environment variable, flags win):
  --events=N              BENCH_EVENTS              events per throughput phase (${sources.events[2]})
  --batch=N               BENCH_BATCH               events per publish call (${sources.batchSize[2]})
  --rate=N                BENCH_RATE                events/s in the latency phase (${sources.rate[2]})
  --duration=S            BENCH_DURATION            measured seconds of the latency phase (${sources.durationSeconds[2]})
  --warmup=S              BENCH_WARMUP              unmeasured seconds before it (${sources.warmupSeconds[2]})
  --bullmq-concurrency=N  BENCH_BULLMQ_CONCURRENCY  BullMQ worker concurrency (${sources.bullmqConcurrency[2]})
  --only=a,b              BENCH_ONLY                contenders among ${contenderNames.join(', ')} (all)
  REDIS_URL (redis://127.0.0.1:6379)`;

/** @throws naming the option and the value it cannot use. */
export function parseBusBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BusBenchOptions {
  const flags = new Map<string, string>();
  for (const argument of argv) {
    const match = /^--([a-z-]+)=(.*)$/.exec(argument);
    if (!match) throw new Error(`unknown argument "${argument}"\n${usage}`);
    flags.set(match[1], match[2]);
  }
  const known = new Set<string>([...Object.values(sources).map(([flag]) => flag), 'only']);
  const unknown = [...flags.keys()].filter((flag) => !known.has(flag));
  if (unknown.length > 0)
    throw new Error(`unknown option(s) ${unknown.map((flag) => `--${flag}`).join(', ')}\n${usage}`);

  const number = (key: keyof typeof sources, integer: boolean) => {
    const [flag, variable, fallback] = sources[key];
    const text = flags.get(flag) ?? env[variable];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!(value > 0) || (integer && !Number.isInteger(value))) {
      throw new Error(`--${flag} / ${variable} must be a positive ${integer ? 'integer' : 'number'}, got "${text}"`);
    }
    return value;
  };
  return {
    redisUrl: env['REDIS_URL'] || 'redis://127.0.0.1:6379',
    events: number('events', true),
    batchSize: number('batchSize', true),
    rate: number('rate', true),
    durationSeconds: number('durationSeconds', false),
    warmupSeconds: number('warmupSeconds', false),
    bullmqConcurrency: number('bullmqConcurrency', true),
    contenders: parseContenders(flags.get('only') ?? env['BENCH_ONLY']),
  };
}

function parseContenders(list: string | undefined): ContenderName[] {
  if (!list) return [...contenderNames];
  const names = list.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(contenderNames as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown contender(s) ${unknown.join(', ')}: choose among ${contenderNames.join(', ')}`);
  }
  return contenderNames.filter((name) => names.includes(name));
}
