import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { InfraError } from './errors';
import { isAlive } from './processes';

export interface InfraLockOptions {
  /** Where progress lines go ("waiting for …"). */
  log: (line: string) => void;
  /** How long to wait for another holder (default 10 minutes: a first `up` may be building FerretDB). */
  timeoutMs?: number;
  /** Aborting stops the wait. */
  signal?: AbortSignal;
  /** How often the lock is tried again (default 200 ms). */
  pollMs?: number;
}

/** A lock file left empty (its holder died between creating and writing it) counts as stale after this. */
const EMPTY_LOCK_STALE_MS = 5_000;

/** Calls of this process that wait for, or hold, each lock file: they take turns before the file is tried. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `work` while holding `file`, so that one `up` or `down` runs at a time per .mesh directory.
 * Each reads .mesh/env and the state file, starts or stops servers and writes both back; two at
 * once (`nx run-many -t serve` runs every domain's `infra` target side by side, or two terminals
 * start one each) could start the same server twice or drop each other's URLs and records.
 *
 * The file holds the holder's pid and is created exclusively. A lock whose holder is gone (killed
 * in the middle of an `up`) is taken over; two processes taking over the same dead holder's lock
 * at the same instant is the one case this does not cover.
 */
export function withInfraLock<T>(file: string, work: () => Promise<T>, options: InfraLockOptions): Promise<T> {
  const previous = queues.get(file) ?? Promise.resolve();
  const turn = previous.then(async () => {
    await acquire(file, options);
    try {
      return await work();
    } finally {
      release(file);
    }
  });
  const settled = turn.catch(() => undefined);
  queues.set(file, settled);
  void settled.then(() => {
    if (queues.get(file) === settled) queues.delete(file);
  });
  return turn;
}

async function acquire(file: string, options: InfraLockOptions): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  let reported: number | undefined;
  mkdirSync(dirname(file), { recursive: true });
  for (;;) {
    options.signal?.throwIfAborted();
    if (tryCreate(file)) return;
    const holder = readHolder(file);
    if (holder === 'gone') continue;
    if (holder === 'stale') {
      rmSync(file, { force: true });
      continue;
    }
    const who = holder === 'unwritten' ? 'a process that is just starting' : `pid ${holder}`;
    if (Date.now() >= deadline) {
      throw new InfraError(`another infra up or down (${who}) still holds ${file}`, {
        fix: `wait for it to finish, or stop it and delete ${file}`,
      });
    }
    if (holder !== 'unwritten' && reported !== holder) {
      options.log(`infra: waiting for another infra up or down (${who}) to finish`);
      reported = holder;
    }
    await sleep(options.pollMs ?? 200, undefined, { signal: options.signal });
  }
}

function tryCreate(file: string): boolean {
  try {
    writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * The pid of the live process that holds the lock; 'gone' when the file vanished meanwhile;
 * 'unwritten' when it was created a moment ago and holds no pid yet; 'stale' when its holder is
 * dead, or is this very process (which takes its turns in `queues`, so that pid is an old one that
 * the system gave out again), or the file stayed empty too long.
 */
function readHolder(file: string): number | 'gone' | 'unwritten' | 'stale' {
  let text: string;
  let modifiedAt: number;
  try {
    text = readFileSync(file, 'utf8');
    modifiedAt = statSync(file).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const pid = Number(text.trim());
  if (text.trim() !== '' && Number.isInteger(pid) && pid > 0) {
    return pid !== process.pid && isAlive(pid) ? pid : 'stale';
  }
  return Date.now() - modifiedAt > EMPTY_LOCK_STALE_MS ? 'stale' : 'unwritten';
}

function release(file: string): void {
  try {
    if (Number(readFileSync(file, 'utf8').trim()) === process.pid) rmSync(file, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}
