/**
 * `tsx --tsconfig tsconfig.base.json tools/contracts/src/cli.ts <write|check> --module=<entry>
 *  --export=<product export> --project=<nx project> --out=<generated folder> --serviceUrl=<url>
 *  [--app=<file>#<root module> --serviceOptions=<file>#<options>] [--retire=<stream> …]
 *  [--retirePath=<API path> …] [--observability=<folder>] [--publicUrl=<url>]`: the `contracts` and `contract-check`
 *  targets of a contracts library; `--observability` adds the product's alert rules, dashboard and
 *  scrape job in that folder (observability/observability-folder.ts); the Backstage entities link
 *  the API at `--publicUrl`, else the domain's `publicUrl` in mesh.json (public-api-url.ts).
 * Exit codes: 0 fine, 1 breaking or stale contracts, 2 a usage or loading error.
 */
import { readMeshRegistry } from '@mesh/infra';
import { parseArgs } from 'node:util';

import { checkContracts, type GateOptions, writeContracts } from './contract-gate';
import { loadProduct } from './load-product';
import { checkObservability, type ObservabilityOptions, writeObservability } from './observability/observability-folder';
import { publicApiUrl } from './public-api-url';

const usage =
  'usage: cli.ts <write|check> --module=<file> --export=<name> --project=<name> --out=<folder> --serviceUrl=<url>' +
  ' [--app=<file>#<export> --serviceOptions=<file>#<export>] [--retire=<stream>] [--retirePath=<path>]' +
  ' [--observability=<folder>] [--publicUrl=<url>]';

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
      app: { type: 'string' },
      serviceOptions: { type: 'string' },
      retire: { type: 'string', multiple: true },
      retirePath: { type: 'string', multiple: true },
      observability: { type: 'string' },
      publicUrl: { type: 'string' },
    },
  });
  const [command] = positionals;
  const missing = (['module', 'export', 'project', 'out', 'serviceUrl'] as const).filter((name) => !values[name]);
  if ((command !== 'write' && command !== 'check') || missing.length > 0) {
    console.error(missing.length > 0 ? `missing --${missing.join(', --')}\n${usage}` : usage);
    return 2;
  }
  if (Boolean(values.app) !== Boolean(values.serviceOptions)) {
    console.error(`--app and --serviceOptions go together (the service whose OpenAPI document is committed)\n${usage}`);
    return 2;
  }
  const product = await loadProduct(values.module as string, values.export as string);
  const serviceUrl = values.serviceUrl as string;
  const options: GateOptions = {
    product,
    project: values.project as string,
    folder: (values.out as string).replace(/\/$/, ''),
    serviceUrl,
    publicUrl: publicApiUrl(product.manifest.domain, { publicUrl: values.publicUrl, serviceUrl }, readMeshRegistry()),
    retiredStreams: values.retire ?? [],
    service: values.app && values.serviceOptions ? { app: values.app, serviceOptions: values.serviceOptions } : undefined,
    retiredPaths: values.retirePath ?? [],
  };
  const observability = values.observability
    ? { ...options, folder: values.observability.replace(/\/$/, '') }
    : undefined;
  return command === 'write' ? write(options, observability) : check(options, observability);
}

async function write(options: GateOptions, observability?: ObservabilityOptions): Promise<number> {
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
  if (observability) {
    const written = await writeObservability(observability);
    for (const path of written) console.log(`  wrote   ${observability.folder}/${path}`);
    console.log(`${options.project}: ${written.length} observability files written`);
  }
  return 0;
}

async function check(options: GateOptions, observability?: ObservabilityOptions): Promise<number> {
  const report = await checkContracts(options);
  const observed = observability ? await checkObservability(observability) : undefined;
  const problems = [
    ...report.breaking.map((line) => `breaking: ${line}`),
    ...[...report.stale, ...(observed?.stale ?? [])].map((line) => `stale: ${line}`),
  ];
  if (problems.length > 0) {
    printProblems(`${options.project}: contract check failed`, problems);
    return 1;
  }
  console.log(
    `${options.project}: contracts compatible with the committed ones; ${report.files} generated files current`,
  );
  if (observed) console.log(`${options.project}: ${observed.files} observability files current`);
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
