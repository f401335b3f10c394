import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { InfraError } from './errors';
import { findExecutable } from './find-executable';
import { runCommand } from './processes';

const SOURCES = ['go.mod', 'go.sum', 'main.go'];
/** A toolchain that go.mod accepts, fetched through the Go proxy when the local Go cannot build. */
const FALLBACK_TOOLCHAIN = 'go1.24.13';

export interface FerretdbBuildOptions {
  sourceDir: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

/**
 * Path of tools/ferretdb/bin/ferretdb, built first when missing or older than
 * its sources. Undefined when there is no binary and no Go to build one.
 */
export async function ensureFerretdbBinary(options: FerretdbBuildOptions): Promise<string | undefined> {
  const binary = join(options.sourceDir, 'bin', 'ferretdb');
  const stale = isStale(binary, options.sourceDir);
  if (!stale) return binary;
  const go = findExecutable('go', options.env, ['/usr/local/go/bin']);
  if (go === undefined) {
    if (!existsSync(binary)) return undefined;
    options.log(`  mongo: ${binary} is older than its sources but Go is not installed; using it as it is`);
    return binary;
  }
  options.log('  mongo: building FerretDB… (about a minute the first time)');
  await build(go, binary, options);
  return binary;
}

function isStale(binary: string, sourceDir: string): boolean {
  if (!existsSync(binary)) return true;
  const builtAt = statSync(binary).mtimeMs;
  return SOURCES.some((file) => statSync(join(sourceDir, file)).mtimeMs > builtAt);
}

async function build(go: string, binary: string, options: FerretdbBuildOptions): Promise<void> {
  mkdirSync(join(options.sourceDir, 'bin'), { recursive: true });
  const args = ['build', '-o', binary, '.'];
  const env = { ...options.env, CGO_ENABLED: '0' };
  const first = await runCommand(go, args, { cwd: options.sourceDir, env });
  if (first.code === 0) return;
  options.log(`  mongo: go build failed; retrying with GOTOOLCHAIN=${FALLBACK_TOOLCHAIN}`);
  const second = await runCommand(go, args, { cwd: options.sourceDir, env: { ...env, GOTOOLCHAIN: FALLBACK_TOOLCHAIN } });
  if (second.code === 0) return;
  throw new InfraError(
    `building FerretDB in ${options.sourceDir} failed:\n${indent(first.output)}\n` +
      `  and with GOTOOLCHAIN=${FALLBACK_TOOLCHAIN}:\n${indent(second.output)}`,
    { fix: `cd ${options.sourceDir} && CGO_ENABLED=0 go build -o bin/ferretdb . (Go 1.24 or newer), or set CUSTOMERS_MONGODB_URL` },
  );
}

function indent(output: string): string {
  return output
    .trim()
    .split('\n')
    .slice(-20)
    .map((line) => `    ${line}`)
    .join('\n');
}
