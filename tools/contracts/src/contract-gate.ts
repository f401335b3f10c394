import {
  type DataProduct,
  describeFinding,
  eventSchemaPath,
  findBreakingChanges,
  MANIFEST_PATH,
  type PublishedContracts,
  publishedContractsOf,
  renderContractArtifacts,
} from '@mesh/contract-kit';

import { type FolderChanges, readGeneratedFolder, syncGeneratedFolder } from './generated-folder';
import { apiContract } from './openapi/api-contract';
import type { ServiceSource } from './openapi/service-openapi';
import { publishedFromFiles } from './published-from-files';

export interface GateOptions {
  product: DataProduct;
  /** The contracts library's Nx project, for the commands the messages suggest. */
  project: string;
  /** Its generated folder, e.g. `libs/orders/contracts/generated`. */
  folder: string;
  serviceUrl: string;
  /** The API's public base URL for the Backstage entities (`publicApiUrl`); `serviceUrl` when absent. */
  publicUrl?: string;
  /** Streams being retired on purpose (`--retire`). */
  retiredStreams?: readonly string[];
  /** The domain's service, whose OpenAPI document is committed as `openapi.json` and gated too. */
  service?: ServiceSource;
  /** API paths being retired on purpose (`--retirePath`). */
  retiredPaths?: readonly string[];
}

export interface GateReport {
  /** One line per breaking change, naming event, field and rule (or API operation and change), and what to do. */
  breaking: string[];
  /** One line per generated file that is not what the code generates now. */
  stale: string[];
  /** How many files the code generates. */
  files: number;
}

/** `contract-check`: breaking changes against the committed contracts, and stale generated files. */
export async function checkContracts(options: GateOptions): Promise<GateReport> {
  const { artifacts, committed, breaking } = await compare(options);
  const regenerate = `run \`npx nx run ${options.project}:contracts\` and commit the result`;
  const stale: string[] = [];
  for (const artifact of artifacts) {
    const now = committed.get(artifact.path);
    if (now === undefined) {
      stale.push(`${options.folder}/${artifact.path} is missing: ${regenerate}.`);
    } else if (now !== artifact.content) {
      stale.push(`${options.folder}/${artifact.path} is stale (the code generates something else): ${regenerate}.`);
    }
  }
  const generated = new Set(artifacts.map((artifact) => artifact.path));
  for (const path of committed.keys()) {
    if (!generated.has(path)) stale.push(`${options.folder}/${path} is no longer generated: ${regenerate}.`);
  }
  return { breaking, stale, files: artifacts.length };
}

/**
 * `contracts`: writes the generated files, unless the code breaks the committed contracts; then
 * it writes nothing, so that the committed previous version stays what the gate compares with.
 */
export async function writeContracts(options: GateOptions): Promise<{ breaking: string[]; changes?: FolderChanges }> {
  const { artifacts, breaking } = await compare(options);
  if (breaking.length > 0) return { breaking };
  return { breaking, changes: await syncGeneratedFolder(options.folder, artifacts) };
}

async function compare(options: GateOptions) {
  const eventArtifacts = renderContractArtifacts(options.product, {
    project: options.project,
    serviceUrl: options.publicUrl ?? options.serviceUrl,
  });
  const committed = await readGeneratedFolder(options.folder);
  const previous = publishedFromFiles(committed, options.folder);
  const findings = findBreakingChanges(previous, publishedContractsOf(options.product), {
    retiredStreams: options.retiredStreams,
  });
  const api = await apiContract(options, committed);
  return {
    artifacts: [...eventArtifacts, ...api.artifacts],
    committed,
    breaking: [...missingSchemas(previous, options), ...findings.map(describeFinding), ...api.breaking],
  };
}

/** A schema the committed manifest lists but whose file is gone: without it there is nothing to compare with. */
function missingSchemas(previous: PublishedContracts, options: GateOptions): string[] {
  const present = new Set(previous.schemas.map((schema) => eventSchemaPath(schema)));
  const retired = new Set(options.retiredStreams ?? []);
  return previous.streams
    .filter((port) => !retired.has(port.stream))
    .flatMap((port) => port.events.map((event) => eventSchemaPath(event)))
    .filter((path) => !present.has(path))
    .map(
      (path) =>
        `${options.folder}/${path} is listed in the committed ${MANIFEST_PATH} but missing: restore it from git, ` +
        'the gate compares the code with it.',
    );
}
