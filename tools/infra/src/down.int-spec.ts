import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';

import { isolatedEnv, makeTempRoot } from '../test/infra-test-kit';
import { down } from './down';
import { isAlive, terminate } from './processes';
import { readState, writeState } from './state-file';

describe('down', () => {
  const root = makeTempRoot('down');
  const stateFile = join(root.dir, '.mesh', 'infra-state.json');
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);

  afterAll(() => root.remove());

  it('leaves alone a recorded pid that now runs another program', async () => {
    // The system may give a dead server's pid to another program; down must not signal it.
    const stranger = spawn('sleep', ['30'], { stdio: 'ignore' });
    const pid = stranger.pid ?? 0;
    writeState(stateFile, {
      redis: {
        store: 'redis',
        kind: 'redis-server',
        pid,
        port: 1,
        url: 'redis://127.0.0.1:1',
        executable: realpathSync('/bin/sh'),
        dataDir: join(root.dir, '.mesh', 'redis'),
        logFile: join(root.dir, '.mesh', 'logs', 'redis.log'),
        stop: { method: 'signal' },
        startedAt: new Date().toISOString(),
      },
    });
    try {
      const result = await down({ rootDir: root.dir, env: isolatedEnv(), log });

      expect(isAlive(pid)).toBe(true);
      expect(lines.join('\n')).toContain(`pid ${pid} now runs`);
      expect(result.stopped).toHaveLength(1);
      expect(readState(stateFile)).toEqual({});
    } finally {
      await terminate(pid);
    }
  }, 30_000);

  it('says so when infra started nothing', async () => {
    lines.length = 0;

    const result = await down({ rootDir: root.dir, env: isolatedEnv(), log });

    expect(result.stopped).toEqual([]);
    expect(lines.at(-1)).toBe('infra: nothing that infra started is running');
  });
});
