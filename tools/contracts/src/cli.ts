/**
 * `tsx --tsconfig tsconfig.base.json tools/contracts/src/cli.ts <write|check> --module=<entry>
 *  --export=<product export> --project=<nx project> --out=<generated folder> --serviceUrl=<url>
 *  [--retire=<stream> …]`: the `contracts` and `contract-check` targets of a contracts library.
 * Exit codes: 0 fine, 1 breaking or stale contracts, 2 a usage or loading error.
 */
import { parseArgs } from 'node:util';

import { checkContracts, type GateOptions, writeContracts } from './contract-gate';
import { loadProduct } from './load-product';

const usage =
  'usage: cli.ts <write|check> --module=<file> --export=<name> --project=<name> --out=<folder> --serviceUrl=<url>' +
  ' [--retire=<stream>]';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      module: { type: 'string' },
      export: { type: 'string' },
      project: { type: 'string' },
      out: { type: 'string' },
      serviceUrl: { type: 'string' },
      retire: { type: 'string', multiple: true },
    },
  });
  const [command] = positionals;
  const missing = (['module', 'export', 'project', 'out', 'serviceUrl'] as const).filter((name) => !values[name]);
  if ((command !== 'write' && command !== 'check') || missing.length > 0) {
    console.error(missing.length > 0 ? `missing --${missing.join(', --')}\n${usage}` : usage);
    return 2;
  }
  const options: GateOptions = {
    product: await loadProduct(values.module as string, values.export as string),
    project: values.project as string,
    folder: (values.out as string).replace(/\/$/, ''),
    serviceUrl: values.serviceUrl as string,
    retiredStreams: values.retire ?? [],
  };
  return command === 'write' ? write(options) : check(options);
}

async function write(options: GateOptions): Promise<number> {
  const { breaking, changes } = await writeContracts(options);
  if (!changes) {
    printProblems(`${options.project}: not written, the code breaks the committed contracts`, breaking);
    return 1;
  }
  for (const path of changes.written) console.log(`  wrote   ${options.folder}/${path}`);
  for (const path of changes.removed) console.log(`  removed ${options.folder}/${path}`);
  console.log(
    `${options.project}: ${changes.written.length} written, ${changes.removed.length} removed, ${changes.unchanged} unchanged`,
  );
  return 0;
}

async function check(options: GateOptions): Promise<number> {
  const report = await checkContracts(options);
  const problems = [
    ...report.breaking.map((line) => `breaking: ${line}`),
    ...report.stale.map((line) => `stale: ${line}`),
  ];
  if (problems.length > 0) {
    printProblems(`${options.project}: contract check failed`, problems);
    return 1;
  }
  console.log(
    `${options.project}: contracts compatible with the committed ones; ${report.files} generated files current`,
  );
  return 0;
}

function printProblems(title: string, problems: readonly string[]): void {
  console.error(`${title} (${problems.length}):`);
  for (const problem of problems) console.error(`  ✗ ${problem}`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A product that fails to load says why in its message (and its cause, if any).
    const cause = error instanceof Error && error.cause instanceof Error ? `\n  cause: ${error.cause.message}` : '';
    console.error(`${error instanceof Error ? error.message : String(error)}${cause}`);
    process.exitCode = 2;
  },
);
