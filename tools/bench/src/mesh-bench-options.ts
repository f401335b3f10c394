export const meshBenchParts = ['http', 'e2e'] as const;
export type MeshBenchPart = (typeof meshBenchParts)[number];

export interface MeshBenchOptions {
  parts: MeshBenchPart[];
  build: boolean;
  /** autocannon connections per HTTP case. */
  connections: number;
  /** Measured seconds per HTTP case, after `warmupSeconds` that are not. */
  durationSeconds: number;
  warmupSeconds: number;
  /** Orders per second of the end-to-end phase, and its measured seconds (after the same warm-up). */
  rate: number;
  e2eSeconds: number;
  /**
   * Run the measured parts in passes with OpenTelemetry off and on (off, on, on, off), each on a
   * mesh of its own, and report what tracing costs next to the noise between the two off passes.
   */
  tracing: boolean;
}

const numbers = {
  connections: ['connections', 16],
  durationSeconds: ['duration', 6],
  warmupSeconds: ['warmup', 1],
  rate: ['rate', 200],
  e2eSeconds: ['e2e-duration', 20],
} as const;

export const meshBenchUsage = `options:
  --only=http|e2e      one part (both by default)
  --no-build           use the services already built in dist/
  --tracing            passes with OpenTelemetry off and on (off, on, on, off), a fresh mesh each,
                       the services exporting to an OTLP receiver of the bench's own when on; the
                       report compares them (about four times as long as one run)
  --connections=N      autocannon connections per HTTP case (${numbers.connections[1]})
  --duration=S         measured seconds per HTTP case (${numbers.durationSeconds[1]})
  --warmup=S           unmeasured seconds before each measurement (${numbers.warmupSeconds[1]})
  --rate=N             orders per second in the end-to-end phase (${numbers.rate[1]}), at most half of
                       what POST /orders sustained in the HTTP part
  --e2e-duration=S     measured seconds of the end-to-end phase (${numbers.e2eSeconds[1]})`;

/**
 * `env` is read for `npm_config_tracing`: `npm run bench -- --tracing` reaches this benchmark as
 * that variable, since the `bench` script runs `npm run bench:mesh` without `--`, and npm takes
 * an argument it is given there for its own configuration.
 * @throws naming the argument it cannot use, with the usage.
 */
export function parseMeshBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv = {}): MeshBenchOptions {
  const flags = new Map<string, string>();
  let build = true;
  let tracing = env['npm_config_tracing'] === 'true';
  for (const argument of argv) {
    if (argument === '--no-build') {
      build = false;
      continue;
    }
    if (argument === '--tracing') {
      tracing = true;
      continue;
    }
    const match = /^--([a-z0-9-]+)=(.*)$/.exec(argument);
    if (!match) throw new Error(`unknown argument "${argument}"\n${meshBenchUsage}`);
    flags.set(match[1], match[2]);
  }
  const known = new Set<string>(['only', ...Object.values(numbers).map(([flag]) => flag)]);
  const unknown = [...flags.keys()].filter((flag) => !known.has(flag));
  if (unknown.length > 0)
    throw new Error(`unknown option(s) ${unknown.map((flag) => `--${flag}`).join(', ')}\n${meshBenchUsage}`);
  const number = (key: keyof typeof numbers) => {
    const [flag, fallback] = numbers[key];
    const text = flags.get(flag);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!(value > 0) || (key === 'connections' && !Number.isInteger(value)))
      throw new Error(`--${flag} must be a positive number, got "${text}"`);
    return value;
  };
  const only = flags.get('only');
  if (only !== undefined && !(meshBenchParts as readonly string[]).includes(only)) {
    throw new Error(`--only must be one of ${meshBenchParts.join(', ')}, got "${only}"`);
  }
  return {
    parts: only ? [only as MeshBenchPart] : [...meshBenchParts],
    build,
    connections: number('connections'),
    durationSeconds: number('durationSeconds'),
    warmupSeconds: number('warmupSeconds'),
    rate: number('rate'),
    e2eSeconds: number('e2eSeconds'),
    tracing,
  };
}

/**
 * The end-to-end rate: the one asked for, but at most half of what POST /orders sustained in
 * the HTTP part (when it ran), so that the latency is that of a mesh below saturation rather
 * than of a queue growing for the whole phase.
 */
export function endToEndRate(requested: number, postOrdersPerSecond: number | undefined): number {
  if (postOrdersPerSecond === undefined || !Number.isFinite(postOrdersPerSecond)) return requested;
  return Math.max(1, Math.min(requested, Math.floor(postOrdersPerSecond / 2)));
}
