import { CUSTOMER_STREAM } from '@mesh/customers-contracts';
import { WORKSPACE_ROOT } from '@mesh/infra';
import { streamKeys } from '@mesh/messaging';
import { ORDER_STREAM } from '@mesh/orders-contracts';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { withRedis } from '../../../kit/src/stream-groups';
import type { RedisUnderTest } from '../harness/redis/redis-under-test';
import type { PoisonEvent } from '../scenario/faults/poison-events';

/** Debian's interpreter, not a pyenv or venv one first on PATH: the example relies on Debian's packages. */
const PYTHON = '/usr/bin/python3';
const CONSUMER = join(WORKSPACE_ROOT, 'examples/python-consumer/consume.py');
const PACKAGES = 'python3 python3-redis python3-jsonschema python3-yaml';
const GROUP = 'e2e-python-consumer';
const RUN_TIMEOUT_MS = 120_000;

/** Each stream with the document of the domain that publishes it: all the consumer is given. */
const STREAMS = [
  { stream: ORDER_STREAM, asyncapi: 'libs/orders/contracts/generated/asyncapi.yaml' },
  { stream: CUSTOMER_STREAM, asyncapi: 'libs/customers/contracts/generated/asyncapi.yaml' },
];

/** What `consume.py --json` prints. */
interface ConsumerSummary {
  summary: string;
  key: string;
  events: number;
  invalid: number;
  unknown: number;
  acked: number;
  pending: number;
  problems: Array<{ id: string | null; reason: string }>;
}

/**
 * The step "polyglot consumer": examples/python-consumer, which knows nothing but a domain's
 * generated AsyncAPI document, reads the orders and the customers stream of the run's Redis (one
 * server, a cluster or Sentinel, from the services' variables) with
 * a group of its own. It must read every entry (as many as XLEN), acknowledge every one but the
 * scenario's poison events, and refuse exactly those: they break their schema on purpose, and
 * the Node consumers dead-lettered them. Returns the failures, in words.
 */
export async function checkPolyglotConsumer(
  redis: RedisUnderTest,
  poisons: readonly PoisonEvent[],
  log: (line: string) => void,
): Promise<string[]> {
  const failures: string[] = [];
  for (const { stream, asyncapi } of STREAMS) {
    // The consumer takes the layout from the same variables as the services (one server, a cluster, Sentinel).
    const run = await runConsumer(['--asyncapi', join(WORKSPACE_ROOT, asyncapi)], redis.env);
    if (run.exitCode !== 0 && run.exitCode !== 1) {
      failures.push(`polyglot consumer on ${stream}: ${run.failure ?? `exited ${run.exitCode}`}: ${run.stderr.trim()}`);
      continue;
    }
    const summary = summaryOf(run.stdout);
    if (!summary) {
      failures.push(`polyglot consumer on ${stream}: no JSON summary on stdout: ${run.stdout.trim() || '(nothing)'}`);
      continue;
    }
    const length = await withRedis(redis.target, (client) => client.xlen(streamKeys.source(stream)));
    const expected = poisons.filter((poison) => poison.stream === stream).map((poison) => poison.id);
    const refused = summary.problems.map((problem) => problem.id);
    log(`e2e: polyglot consumer: ${summary.summary}; XLEN ${length}; poison events ${expected.length}`);
    for (const line of run.stderr.trim().split('\n').filter(Boolean)) log(`e2e:   ${line}`);

    const wrong = [
      summary.key !== streamKeys.source(stream) &&
        `the document's address ${summary.key} is not the key ${streamKeys.source(stream)} the mesh writes`,
      summary.events !== length && `read ${summary.events} entries of ${length} (XLEN)`,
      summary.acked !== length - expected.length && `acknowledged ${summary.acked}, not ${length - expected.length}`,
      summary.unknown > 0 && `${summary.unknown} entries of a type the document does not list`,
      [...refused].sort().join() !== [...expected].sort().join() &&
        `refused ${refused.join(', ') || 'nothing'}, not exactly the poison events (${expected.join(', ') || 'none'})`,
      summary.pending !== expected.length && `${summary.pending} left pending, not ${expected.length}`,
    ].filter((problem): problem is string => typeof problem === 'string');
    failures.push(...wrong.map((problem) => `polyglot consumer on ${stream}: ${problem}`));
  }
  return failures;
}

function summaryOf(stdout: string): ConsumerSummary | undefined {
  try {
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ConsumerSummary;
  } catch {
    return undefined;
  }
}

interface ConsumerRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  failure?: string;
}

function runConsumer(args: string[], redisEnv: Record<string, string>): Promise<ConsumerRun> {
  return new Promise((resolve) => {
    // -B: no __pycache__ in the source tree.
    const child = spawn(PYTHON, ['-B', CONSUMER, ...args, '--group', GROUP, '--json', '--timeout', '60'], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, REDIS_URL: '', REDIS_CLUSTER_NODES: '', REDIS_SENTINELS: '', ...redisEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const failure =
        error.code === 'ENOENT'
          ? `${PYTHON} is missing; install Debian's packages: apt-get install -y --no-install-recommends ${PACKAGES}`
          : `could not start ${PYTHON}: ${error.message}`;
      resolve({ exitCode: null, stdout, stderr, failure });
    });
    child.once('close', (exitCode, signal) => {
      clearTimeout(timer);
      // Exit 3 is the consumer's own "missing Debian package(s) …, install them with …" (on stderr).
      const failure = signal ? `killed by ${signal} after ${RUN_TIMEOUT_MS / 1_000} s` : undefined;
      resolve({ exitCode, stdout, stderr, failure });
    });
  });
}
