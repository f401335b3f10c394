/**
 * The domain generator's end-to-end check, run by CI: in the real workspace, generates throwaway
 * domains (one per store), checks the Swarm stack's rules with them in it, type-checks the
 * projects whose files the generator edited and lints those files, runs the new projects' lint, typecheck, tests and contract check through `npm test`
 * (which brings the stores up and stops what it started), and removes everything again: the
 * generated folders, and each shared file restored to what it was (exactly, unless someone edited
 * it meanwhile: then only the generator's own lines are taken back).
 *
 *   npx tsx tools/generators/scripts/check-generated-domain.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

import { REGISTRATION_FILES } from '../src/domain/workspace-registrations';
import { takeBackGeneratedChange } from './take-back-change';

const ROOT = resolve(__dirname, '../../..');
const NX = join(ROOT, 'node_modules', '.bin', 'nx');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** One domain per store, each consuming another producer, so both templates and both lookups run. */
const DOMAINS = [
  { name: 'zzcheckpg', options: ['--store=postgres', '--consumes=orders.order.v1'] },
  { name: 'zzcheckmongo', options: ['--store=mongo', '--consumes=customers.customer.v1'] },
];

interface Changes {
  created: string[];
  updated: string[];
}

const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', FORCE_COLOR: '0', NO_COLOR: '1' };

function run(command: string, args: string[], capture = false): string {
  console.log(`check-generated-domain: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env,
    encoding: 'utf-8',
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    if (capture) process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
  // With capture, both streams: Nx logs the generator's warnings on stderr.
  return `${result.stdout ?? ''}${result.stderr ?? ''}`;
}

/** The CREATE and UPDATE lines that `nx g` prints. */
function changesOf(output: string): Changes {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const pick = (verb: string) => lines.filter((line) => line.startsWith(`${verb} `)).map((line) => line.slice(verb.length + 1).trim());
  return { created: pick('CREATE'), updated: pick('UPDATE') };
}

function generate(name: string, options: string[]): Changes {
  const output = run(NX, ['g', '@mesh/tools:domain', name, ...options, '--no-interactive'], true);
  // The file list is long and the same every run; what the generator reported is worth keeping.
  process.stdout.write(output.split('\n').filter((line) => !/^(CREATE|UPDATE) /.test(line)).join('\n'));
  return changesOf(output);
}

/** The project whose folder holds `file` (nearest project.json above it), if any. */
function owningProject(file: string): string | undefined {
  for (let folder = dirname(file); folder !== '.' && folder !== '/'; folder = dirname(folder)) {
    const projectJson = join(ROOT, folder, 'project.json');
    if (existsSync(projectJson)) return (JSON.parse(readFileSync(projectJson, 'utf-8')) as { name: string }).name;
  }
  return undefined;
}

function hasTarget(project: string, target: string): boolean {
  const file = join(ROOT, 'libs', project.replace(/-contracts$/, ''), 'contracts', 'project.json');
  return existsSync(file) && target in ((JSON.parse(readFileSync(file, 'utf-8')) as { targets?: object }).targets ?? {});
}

interface StackFile {
  services?: Record<string, { networks?: string[]; secrets?: Array<{ source: string }> }>;
  networks?: Record<string, unknown>;
  secrets?: Record<string, unknown>;
}

/** deploy/stack.yml still parses, has the domains, and every network and secret a service names is defined. */
function checkStack(names: readonly string[]): void {
  const file = join(ROOT, 'deploy', 'stack.yml');
  if (!existsSync(file)) return;
  const stack = parse(readFileSync(file, 'utf-8'), { merge: true }) as StackFile;
  const problems = names.filter((name) => !stack.services?.[name]).map((name) => `no service ${name}`);
  for (const [name, service] of Object.entries(stack.services ?? {})) {
    for (const network of service.networks ?? []) if (!stack.networks?.[network]) problems.push(`${name}: network ${network} undefined`);
    for (const { source } of service.secrets ?? []) if (!stack.secrets?.[source]) problems.push(`${name}: secret ${source} undefined`);
  }
  if (problems.length > 0) throw new Error(`deploy/stack.yml after generation: ${problems.join('; ')}`);
  console.log(`check-generated-domain: deploy/stack.yml parses, with ${names.join(', ')} and every reference defined`);
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf-8');

/**
 * What a generated domain's contracts target writes outside its folders (the generator runs it
 * once): its alert rules, dashboard and scrape job, and the observability overlay that lists them.
 */
const OBSERVABILITY = 'deploy/observability';
const OBSERVABILITY_STACK = `${OBSERVABILITY}/stack.yml`;
const observabilityFilesOf = (name: string) => [
  `${OBSERVABILITY}/rules/${name}.rules.yml`,
  `${OBSERVABILITY}/dashboards/${name}.json`,
  `${OBSERVABILITY}/scrape/${name}.yml`,
];

class Workspace {
  private readonly before = new Map<string, string>();
  private readonly generated = new Map<string, string>();
  private readonly folders = new Set<string>();
  private readonly files = new Set<string>();

  /** Remembers the shared files as they are now, before any domain is generated. */
  remember(files: readonly string[]): void {
    for (const file of files) if (!this.before.has(file)) this.before.set(file, read(file));
  }

  /** Records what generation created and what the shared files look like after it. */
  generatedDomain(name: string, changes: Changes): void {
    this.folders.add(`apps/${name}`);
    this.folders.add(`libs/${name}`);
    for (const file of observabilityFilesOf(name)) this.files.add(file);
    const strays = changes.created.filter((file) => ![...this.folders].some((folder) => file.startsWith(`${folder}/`)));
    const unexpected = changes.updated.filter((file) => !this.before.has(file));
    if (strays.length > 0 || unexpected.length > 0) {
      throw new Error(`the generator changed files it does not declare in REGISTRATION_FILES: ${[...strays, ...unexpected].join(', ')}`);
    }
    for (const file of this.before.keys()) this.generated.set(file, read(file));
  }

  /** Removes the generated folders and takes the generator's edits of shared files back. */
  restore(): string[] {
    const problems: string[] = [];
    for (const folder of this.folders) rmSync(join(ROOT, folder), { recursive: true, force: true });
    for (const file of this.files) rmSync(join(ROOT, file), { force: true });
    for (const [file, original] of this.before) {
      const generated = this.generated.get(file) ?? original;
      const current = read(file);
      if (current === generated) {
        writeFileSync(join(ROOT, file), original);
        continue;
      }
      // Someone else edited the file meanwhile: keep their change, take back only the generator's.
      const restored = takeBackGeneratedChange(original, generated, current);
      if (restored === undefined) problems.push(`${file}: edited meanwhile; take back the generated domains' lines by hand`);
      else writeFileSync(join(ROOT, file), restored);
    }
    return problems;
  }

  /** The shared files that generation changed. */
  editedFiles(): string[] {
    return [...this.before].filter(([file, original]) => this.generated.get(file) !== original).map(([file]) => file);
  }
}

function main(): number {
  const started = Date.now();
  const leftovers = DOMAINS.flatMap(({ name }) => [`apps/${name}`, `libs/${name}`, ...observabilityFilesOf(name)]).filter((f) => existsSync(join(ROOT, f)));
  if (leftovers.length > 0) {
    console.error(`check-generated-domain: ${leftovers.join(', ')} exist (left by an interrupted run?); remove them and take their lines out of the shared files first`);
    return 1;
  }

  const workspace = new Workspace();
  workspace.remember([...REGISTRATION_FILES, OBSERVABILITY_STACK].filter((file) => existsSync(join(ROOT, file))));

  let failed = false;
  const interrupt = (signal: NodeJS.Signals) => {
    console.error(`check-generated-domain: ${signal}; removing the generated domains`);
    workspace.restore().forEach((problem) => console.error(`check-generated-domain: ${problem}`));
    process.exit(130);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    for (const { name, options } of DOMAINS) workspace.generatedDomain(name, generate(name, options));
    checkStack(DOMAINS.map(({ name }) => name));
    // The deployment rules of tools/e2e/swarm (`docker stack config` of both stack files, the
    // gateway publishing every API, FerretDB on every MongoDB domain's network) hold for them too.
    run(join(ROOT, 'node_modules', '.bin', 'jest'), ['-c', 'tools/e2e/jest.config.ts', '--testPathPatterns', 'swarm/src/stack/']);
    const edited = workspace.editedFiles();
    const owners = [...new Set(edited.map(owningProject).filter((name) => name !== undefined))];
    if (owners.length > 0) run(NX, ['run-many', '-t', 'typecheck', '-p', owners.join(','), '--output-style=stream']);
    const editedCode = edited.filter((file) => file.endsWith('.ts'));
    if (editedCode.length > 0) run(join(ROOT, 'node_modules', '.bin', 'eslint'), ['--max-warnings=0', ...editedCode]);
    const libraries = DOMAINS.map(({ name }) => `${name}-contracts`);
    if (libraries.some((library) => hasTarget(library, 'contract-check'))) {
      run(NX, ['run-many', '-t', 'contract-check', '-p', libraries.join(','), '--output-style=stream']);
    }
    const projects = DOMAINS.flatMap(({ name }) => [name, `${name}-contracts`]);
    run(NPM, ['test', '--', '-p', projects.join(',')]);
  } catch (error) {
    failed = true;
    console.error(`check-generated-domain: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    const problems = workspace.restore();
    problems.forEach((problem) => console.error(`check-generated-domain: ${problem}`));
    failed ||= problems.length > 0;
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`check-generated-domain: ${failed ? 'FAILED' : 'passed'} in ${seconds} s`);
  return failed ? 1 : 0;
}

process.exitCode = main();
