import { streamKey } from '../envelope/stream-key';
import { type DataProduct, type DataProductDefinition, type DataProductManifest, DEFAULT_STREAM_REPLAY } from './data-product';
import { findQualityProblems, qualityManifestOf } from './quality-rules';

const namePattern = /^[a-z][a-z0-9-]*$/;
const semver = /^\d+\.\d+\.\d+$/;

/**
 * Checks a product definition for the mistakes that would make the mesh lie about it (a stream
 * that carries another domain's events, an event on the wrong stream, a duplicated input group)
 * and returns it with its JSON manifest. Throws at module load, so a bad manifest never starts.
 */
export function defineDataProduct(definition: DataProductDefinition): DataProduct {
  const problems = findProblems(definition);
  if (problems.length > 0) {
    throw new Error(`data product "${definition.name}" is invalid:\n  - ${problems.join('\n  - ')}`);
  }
  const manifest: DataProductManifest = {
    name: definition.name,
    domain: definition.domain,
    title: definition.title,
    description: definition.description,
    version: definition.version,
    owner: { ...definition.owner },
    outputPorts: {
      api: { ...definition.outputPorts.api },
      streams: definition.outputPorts.streams.map((port) => ({
        stream: port.stream,
        key: streamKey(port.stream),
        description: port.description,
        replay: { ...(port.replay ?? DEFAULT_STREAM_REPLAY) },
        events: port.events.map((event) => ({
          type: event.type,
          version: event.version,
          dataschema: event.dataschema,
          description: event.description,
          schema: structuredClone(event.jsonSchema),
        })),
      })),
    },
    inputPorts: definition.inputPorts.map(({ stream, ...port }) => ({
      stream,
      key: streamKey(stream),
      ...port,
      eventTypes: [...port.eventTypes],
    })),
    serviceLevels: { ...definition.serviceLevels },
    classifiedFields: definition.classifiedFields.map((field) => ({ ...field })),
    redisKeyPrefixes: [...(definition.redisKeyPrefixes ?? [])],
    quality: qualityManifestOf(definition.quality ?? []),
  };
  return {
    manifest,
    definition,
    events: definition.outputPorts.streams.flatMap((port) => port.events),
  };
}

function findProblems(definition: DataProductDefinition): string[] {
  const problems: string[] = [];
  if (!namePattern.test(definition.name)) problems.push(`name "${definition.name}" must be lower-case kebab`);
  if (!namePattern.test(definition.domain)) problems.push(`domain "${definition.domain}" must be lower-case kebab`);
  if (!semver.test(definition.version)) problems.push(`version "${definition.version}" must be semver x.y.z`);
  if (!definition.owner.team.trim()) problems.push('owner.team is empty');
  if (!definition.outputPorts.api.openApiPath.startsWith('/')) problems.push('outputPorts.api.openApiPath must start with /');

  const streams = new Set<string>();
  for (const port of definition.outputPorts.streams) {
    if (streams.has(port.stream)) problems.push(`output stream ${port.stream} is listed twice`);
    streams.add(port.stream);
    if (!port.stream.startsWith(`${definition.domain}.`)) {
      problems.push(`output stream ${port.stream} must start with the domain "${definition.domain}."`);
    }
    if (port.events.length === 0) problems.push(`output stream ${port.stream} carries no event`);
    if (port.replay && !(port.replay.windowHours > 0 && port.replay.capHours >= port.replay.windowHours)) {
      problems.push(`output stream ${port.stream}: replay needs windowHours > 0 and capHours ≥ windowHours`);
    }
    for (const event of port.events) {
      if (event.stream !== port.stream) {
        problems.push(`event ${event.type} is published on ${event.stream}, not on ${port.stream}`);
      }
      if (!event.type.startsWith(`${definition.domain}.`)) {
        problems.push(`event ${event.type} on ${port.stream} does not belong to domain ${definition.domain}`);
      }
    }
  }

  const groups = new Set<string>();
  for (const port of definition.inputPorts) {
    const key = `${port.stream}/${port.group}`;
    if (groups.has(key)) problems.push(`input ${port.stream} with group ${port.group} is listed twice`);
    groups.add(key);
    if (port.stream.startsWith(`${definition.domain}.`)) {
      problems.push(`input ${port.stream} is this domain's own stream`);
    }
    if (!port.stream.startsWith(`${port.from}.`)) problems.push(`input ${port.stream} is not published by ${port.from}`);
    if (port.eventTypes.length === 0) problems.push(`input ${port.stream} handles no event type`);
  }
  const outputEventTypes = new Set(definition.outputPorts.streams.flatMap((port) => port.events.map((event) => event.type)));
  problems.push(...findQualityProblems(definition.quality ?? [], outputEventTypes));
  if (definition.inputPorts.length > 0 && definition.serviceLevels.freshnessSeconds === undefined) {
    problems.push('serviceLevels.freshnessSeconds is required for a product with inputs');
  }
  return problems;
}
