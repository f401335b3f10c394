import { type DataProductManifest, type JsonSchema, MANIFEST_PATH, type PublishedContracts } from '@mesh/contract-kit';

const schemaFile = /^schemas\/(.+)\.v(\d+)\.json$/;

/**
 * The contracts as last generated and committed, read back from the generated folder: the
 * streams and their event types from the JSON manifest, and every event's JSON Schema.
 */
export function publishedFromFiles(files: ReadonlyMap<string, string>, folder: string): PublishedContracts {
  const manifestText = files.get(MANIFEST_PATH);
  const manifest =
    manifestText === undefined
      ? undefined
      : (parseJson(manifestText, `${folder}/${MANIFEST_PATH}`) as DataProductManifest);
  const streams = (manifest?.outputPorts.streams ?? []).map((port) => ({
    stream: port.stream,
    // Absent from manifests committed before the generated documents named the Redis key.
    key: (port as { key?: string }).key,
    events: port.events.map(({ type, version }) => ({ type, version })),
  }));
  const schemas: PublishedContracts['schemas'] = [];
  for (const [path, text] of files) {
    const match = schemaFile.exec(path);
    if (match)
      schemas.push({
        type: match[1],
        version: Number(match[2]),
        jsonSchema: parseJson(text, `${folder}/${path}`) as JsonSchema,
      });
  }
  return { streams, schemas };
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON; restore it from git before checking contracts`, { cause: error });
  }
}
