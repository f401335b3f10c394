import { chmodSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { makeTempRoot } from '../test/infra-test-kit';
import { ensureFerretdbBinary } from './ferretdb-build';

/**
 * The build decision and the toolchain retry, with a stand-in `go` on PATH that
 * records its calls (the real build is exercised by the lifecycle test when stale).
 */
describe('ensureFerretdbBinary', () => {
  const root = makeTempRoot('ferretdb-build');
  const sourceDir = join(root.dir, 'ferretdb');
  const binDir = join(root.dir, 'fake-bin');
  const binary = join(sourceDir, 'bin', 'ferretdb');
  const calls = join(root.dir, 'go-calls.log');
  const lines: string[] = [];
  const options = { sourceDir, env: { PATH: binDir }, log: (line: string) => void lines.push(line) };

  beforeAll(() => {
    mkdirSync(join(sourceDir, 'bin'), { recursive: true });
    mkdirSync(binDir);
    for (const file of ['go.mod', 'go.sum', 'main.go']) writeFileSync(join(sourceDir, file), '');
    // Fails unless GOTOOLCHAIN is set, like a local Go too old for go.mod.
    writeFileSync(
      join(binDir, 'go'),
      `#!/bin/sh\necho "$CGO_ENABLED $GOTOOLCHAIN $*" >> ${calls}\n` +
        `[ -n "$GOTOOLCHAIN" ] || { echo "go: go.mod requires go >= 1.24" >&2; exit 1; }\n: > "$3"\n`,
    );
    chmodSync(join(binDir, 'go'), 0o755);
  });
  beforeEach(() => (lines.length = 0));
  afterAll(() => root.remove());

  it('builds a missing binary, retrying once with a pinned toolchain', async () => {
    expect(await ensureFerretdbBinary(options)).toBe(binary);

    expect(existsSync(binary)).toBe(true);
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toEqual([
      `0  build -o ${binary} .`,
      `0 go1.24.13 build -o ${binary} .`,
    ]);
    expect(lines[0]).toContain('building FerretDB');
  });

  it('does not build when the binary is newer than its sources', async () => {
    writeFileSync(calls, '');

    expect(await ensureFerretdbBinary(options)).toBe(binary);
    expect(readFileSync(calls, 'utf8')).toBe('');
  });

  it('rebuilds when a source file changed after the build', async () => {
    writeFileSync(calls, '');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(sourceDir, 'main.go'), later, later);

    await ensureFerretdbBinary(options);

    expect(readFileSync(calls, 'utf8')).toContain('build -o');
  });
});
