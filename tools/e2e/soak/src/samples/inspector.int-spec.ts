import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

import { freePort } from '../../../kit/src/free-port';
import { heapAfterFullCollection } from './inspector';

/**
 * A real Node process with its inspector open, holding a live set that it changes on demand and
 * making garbage all the time: what the soak measures must be the live set, not the garbage.
 */
describe('heapAfterFullCollection', () => {
  let child: ChildProcessByStdio<Writable, Readable, null>;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    const program = `
      const live = [];
      let garbage;
      setInterval(() => { garbage = Array.from({ length: 2e3 }, (_, i) => ({ i, text: 'g'.repeat(40) })); }, 2);
      process.stdin.on('data', () => { for (let i = 0; i < 2e5; i++) live.push({ i, text: 'l'.repeat(40) }); process.stdout.write('grown\\n'); });
      process.stdout.write('ready\\n');`;
    child = spawn(process.execPath, [`--inspect=127.0.0.1:${port}`, '-e', program], { stdio: ['pipe', 'pipe', 'ignore'] });
    await once(child.stdout, 'data');
    await sleep(300);
  });

  afterAll(() => child.kill('SIGKILL'));

  it('reads the live set after collecting the garbage, and sees it grow with what the process keeps', async () => {
    const before = await heapAfterFullCollection(port);
    const again = await heapAfterFullCollection(port);
    child.stdin.write('grow\n');
    await once(child.stdout, 'data');
    const after = await heapAfterFullCollection(port);

    // The garbage made every 2 ms (about 100 MB/s) is gone each time: two readings agree closely.
    // Only the latest batch (about 200 kB) is alive at a reading, so the bound holds on a busy
    // machine too, where a timer may fire between the collection and the reading.
    expect(Math.abs(again - before)).toBeLessThan(2 * 1024 * 1024);
    // 200,000 kept objects of ~100 bytes each.
    expect(after - again).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('fails with a clear error where no inspector listens', async () => {
    await expect(heapAfterFullCollection(await freePort(), 2_000)).rejects.toThrow();
  });
});
