#!/usr/bin/env node
// The Node.js line this project runs on is the one .nvmrc names (or newer). A machine whose own
// node is older still runs the project: node-<platform>-<arch> (the official build, as the npm
// registry serves it) is unpacked once under .mesh/node/ in the clone and put first on PATH.
// Plain JavaScript with no dependencies, so that it runs before `npm ci`, on any Node ≥ 18.
//
//   node tools/node/current-node.mjs                 prints the bin directory of a current node
//   node tools/node/current-node.mjs --exec cmd …    runs cmd with that directory first on PATH
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REQUIRED_MAJOR = Number(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim().replace(/^v/, '').split('.')[0]);

/** Whether `version` (e.g. "24.1.0") is of the required line or newer. */
export function isCurrentEnough(version = process.versions.node) {
  return Number(version.split('.')[0]) >= REQUIRED_MAJOR;
}

/** The directory holding a node of the required line: this process's own, or one installed under .mesh/node. */
export function currentNodeBinDir() {
  if (isCurrentEnough()) return dirname(process.execPath);
  const binDir = join(ROOT, '.mesh', 'node', `v${REQUIRED_MAJOR}`, 'bin');
  if (!existsSync(join(binDir, 'node'))) installNode(binDir);
  return binDir;
}

function installNode(binDir) {
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  const packageName = `node-${process.platform}-${arch}@${REQUIRED_MAJOR}`;
  const work = mkdtempSync(join(tmpdir(), 'mesh-node-'));
  try {
    if (!arch || !['linux', 'darwin'].includes(process.platform)) throw new Error(`no such package for ${process.platform}/${process.arch}`);
    process.stderr.write(`node: this is ${process.version}; the project needs Node.js ${REQUIRED_MAJOR}: installing ${packageName} under .mesh/node\n`);
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work, packageName], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['xzf', join(work, tarball), '-C', work, 'package/bin/node']);
    mkdirSync(binDir, { recursive: true });
    chmodSync(join(work, 'package', 'bin', 'node'), 0o755);
    // Moved in whole: an interrupted install leaves no half-written binary behind.
    renameSync(join(work, 'package', 'bin', 'node'), join(binDir, 'node'));
  } catch (error) {
    throw new Error(
      `Node.js ${REQUIRED_MAJOR} or newer is needed (this is ${process.version}) and ${packageName} could not be ` +
        `installed from the npm registry (${error.message.split('\n')[0]}): install Node.js ${REQUIRED_MAJOR} ` +
        '(e.g. `nvm install`, which reads .nvmrc) and run the command again',
      { cause: error },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(args) {
  const binDir = currentNodeBinDir();
  if (args[0] !== '--exec') {
    console.log(binDir);
    return;
  }
  const [command, ...commandArgs] = args.slice(1);
  const env = { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}` };
  const child = spawn(command, commandArgs, { stdio: 'inherit', env });
  // The command gets Ctrl-C from the terminal itself; a signal sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.once('error', (error) => {
    console.error(`node: could not run ${command}: ${error.message}`);
    process.exitCode = 1;
  });
  child.once('exit', (code, signal) => {
    process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`node: ${error.message}`);
    process.exitCode = 1;
  }
}
