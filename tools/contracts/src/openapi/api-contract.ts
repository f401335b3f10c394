import type { ContractArtifact } from '@mesh/contract-kit';

import { findBreakingApiChanges } from './api-breaking-changes';
import { OPENAPI_PATH, renderServiceOpenApi, type ServiceSource } from './service-openapi';

export interface ApiContractOptions {
  /** The domain's service; without it the library commits no OpenAPI document. */
  service?: ServiceSource;
  folder: string;
  retiredPaths?: readonly string[];
}

export interface ApiContract {
  /** `openapi.json` as the code serves it now (none without a service). */
  artifacts: ContractArtifact[];
  /** One line per breaking change against the committed `openapi.json`. */
  breaking: string[];
}

/**
 * The REST half of the gate: renders the service's document and compares it with the committed
 * one. A first document (nothing committed yet) breaks nothing; it is only missing.
 */
export async function apiContract(
  options: ApiContractOptions,
  committed: ReadonlyMap<string, string>,
): Promise<ApiContract> {
  if (!options.service) return { artifacts: [], breaking: [] };
  const content = await renderServiceOpenApi(options.service);
  const previousText = committed.get(OPENAPI_PATH);
  if (previousText === undefined) return { artifacts: [{ path: OPENAPI_PATH, content }], breaking: [] };
  const previous = parseCommitted(previousText, `${options.folder}/${OPENAPI_PATH}`);
  const breaking = findBreakingApiChanges(previous, JSON.parse(content), { retiredPaths: options.retiredPaths });
  return { artifacts: [{ path: OPENAPI_PATH, content }], breaking: breaking.map((line) => `API ${line}`) };
}

function parseCommitted(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON; restore it from git before checking contracts`, { cause: error });
  }
}
