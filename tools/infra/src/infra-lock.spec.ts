import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { makeTempRoot } from '../test/infra-test-kit';
import { withInfraLock } from './infra-lock';

describe('withInfraLock', () => {
  const root = makeTempRoot('lock');
  const meshDir = join(root.dir, '.mesh');
  let count = 0;
  const nextFile = () => join(meshDir, `infra-${(count += 1)}.lock`);
  const quiet = { log: () => undefined, pollMs: 20 };

  afterAll(() => root.remove());

  it('runs the work holding a file with its pid, and removes the file afterwards, also when the work fails', async () => {
    const file = nextFile();
    const seen = await withInfraLock(file, async () => readFileSync(file, 'utf8'), quiet);
    expect(seen).toBe(`${process.pid}\n`);
    expect(existsSync(file)).toBe(false);

    await expect(
      withInfraLock(file, () => Promise.reject(new Error('store would not start')), quiet),
    ).rejects.toThrow('store would not start');
    expect(existsSync(file)).toBe(false);
  });

  it('lets calls of one process take turns', async () => {
    const file = nextFile();
    const events: string[] = [];
    const work = (name: string) => async () => {
      events.push(`${name} in`);
      await sleep(30);
      events.push(`${name} out`);
    };
    await Promise.all([withInfraLock(file, work('a'), quiet), withInfraLock(file, work('b'), quiet)]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
  });

  it('waits while another live process holds the lock, and says so', async () => {
    const file = nextFile();
    mkdirSync(meshDir, { recursive: true });
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(file, `${holder.pid}\n`);
      const lines: string[] = [];
      let ran = false;
      const waiting = withInfraLock(file, async () => (ran = true), { log: (line) => lines.push(line), pollMs: 20 });
      await sleep(200);
      expect(ran).toBe(false);
      expect(lines).toEqual([`infra: waiting for another infra up or down (pid ${holder.pid}) to finish`]);

      holder.kill('SIGKILL');
      await once(holder, 'exit');
      await waiting;
      expect(ran).toBe(true);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('gives up after the timeout, naming the holder', async () => {
    const file = nextFile();
    mkdirSync(meshDir, { recursive: true });
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(file, `${holder.pid}\n`);
      await expect(withInfraLock(file, async () => undefined, { ...quiet, timeoutMs: 100 })).rejects.toThrow(
        `another infra up or down (pid ${holder.pid}) still holds ${file}`,
      );
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
  });

  it('takes over a lock whose holder is gone, or that stayed empty', async () => {
    const file = nextFile();
    mkdirSync(meshDir, { recursive: true });
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await once(gone, 'exit');
    writeFileSync(file, `${gone.pid}\n`);
    await expect(withInfraLock(file, async () => 'ran', quiet)).resolves.toBe('ran');

    writeFileSync(file, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    await expect(withInfraLock(file, async () => 'ran', quiet)).resolves.toBe('ran');
  });

  it('stops waiting when aborted', async () => {
    const file = nextFile();
    mkdirSync(meshDir, { recursive: true });
    writeFileSync(file, `${process.ppid}\n`);
    const abort = new AbortController();
    const waiting = withInfraLock(file, async () => undefined, { ...quiet, signal: abort.signal });
    abort.abort(new Error('interrupted'));
    await expect(waiting).rejects.toThrow('interrupted');
    expect(readFileSync(file, 'utf8')).toBe(`${process.ppid}\n`);
  });
});
