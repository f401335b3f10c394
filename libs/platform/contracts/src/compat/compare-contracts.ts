import { compareEventSchemas } from './compare-schemas';
import type { CompatFinding } from './compat-finding';
import type { PublishedContracts } from './published-contracts';

export interface CompareOptions {
  /** Streams retired on purpose: their removal, and their events', is not a finding. */
  retiredStreams?: readonly string[];
}

/**
 * Lists the breaking changes from the previously published contracts to the current ones: a
 * stream or an event type (in its major version) that disappeared, a stream whose published Redis
 * key changed (its consumers would read an empty key), a new major version added to
 * a stream that carried another one, and every breaking change inside an event schema of the
 * same type and major version. A new event type, or a new major version on a new stream, is fine.
 */
export function findBreakingChanges(
  previous: PublishedContracts,
  current: PublishedContracts,
  options: CompareOptions = {},
): CompatFinding[] {
  const retired = new Set(options.retiredStreams ?? []);
  const currentStreams = new Map(current.streams.map((port) => [port.stream, port]));
  const streamOf = new Map(
    current.streams.flatMap((port) => port.events.map((event) => [eventKey(event), port.stream])),
  );
  const findings = previous.streams
    .filter((port) => !retired.has(port.stream))
    .flatMap((port) => streamFindings(port, currentStreams.get(port.stream), streamOf));

  // Events already accounted for: reported above, on a removed stream, or on a retired one.
  const accountedFor = new Set(
    previous.streams
      .filter((port) => retired.has(port.stream) || !currentStreams.has(port.stream))
      .flatMap((port) => port.events.map(eventKey)),
  );
  for (const finding of findings) {
    if (finding.rule === 'event-removed' && finding.version !== undefined) {
      accountedFor.add(eventKey({ type: finding.subject, version: finding.version }));
    }
  }
  return [...findings, ...schemaFindings(previous, current, accountedFor)];
}

type PublishedStream = PublishedContracts['streams'][number];

/** What changed on one previously published stream: removed, re-keyed, events gone, or a new major version. */
function streamFindings(
  port: PublishedStream,
  now: PublishedStream | undefined,
  streamOf: ReadonlyMap<string, string>,
): CompatFinding[] {
  if (!now) {
    return [
      {
        subject: port.stream,
        rule: 'stream-removed',
        detail: `output stream ${port.stream} is no longer in the manifest`,
      },
    ];
  }
  const findings: CompatFinding[] = [];
  // A key published before is where consumers read; one never published (older manifests) binds no one.
  if (port.key !== undefined && now.key !== port.key) {
    findings.push({
      subject: port.stream,
      rule: 'stream-key-changed',
      detail: `its Redis key was ${port.key}, now ${now.key ?? 'none'}`,
    });
  }
  const carried = new Set(now.events.map(eventKey));
  for (const event of port.events) {
    if (carried.has(eventKey(event))) continue;
    const movedTo = streamOf.get(eventKey(event));
    findings.push({
      subject: event.type,
      version: event.version,
      rule: 'event-removed',
      detail: movedTo ? `moved from ${port.stream} to ${movedTo}` : `no longer published on ${port.stream}`,
    });
  }
  const earlierVersions = new Map(port.events.map((event) => [event.type, event.version]));
  for (const event of now.events) {
    const earlier = earlierVersions.get(event.type);
    if (earlier !== undefined && earlier !== event.version) {
      findings.push({
        subject: event.type,
        version: event.version,
        rule: 'major-version-on-existing-stream',
        detail: `${port.stream} carried v${earlier}; v${event.version} needs a stream of its own`,
      });
    }
  }
  return findings;
}

/** Breaking changes inside each event schema of the same type and major version, and schemas no longer produced. */
function schemaFindings(
  previous: PublishedContracts,
  current: PublishedContracts,
  accountedFor: ReadonlySet<string>,
): CompatFinding[] {
  const findings: CompatFinding[] = [];
  const currentSchemas = new Map(current.schemas.map((schema) => [eventKey(schema), schema.jsonSchema]));
  for (const schema of previous.schemas) {
    const now = currentSchemas.get(eventKey(schema));
    if (!now) {
      if (!accountedFor.has(eventKey(schema))) {
        findings.push({
          subject: schema.type,
          version: schema.version,
          rule: 'event-removed',
          detail: 'its schema is no longer produced',
        });
      }
      continue;
    }
    for (const change of compareEventSchemas(schema.jsonSchema, now)) {
      findings.push({ subject: schema.type, version: schema.version, ...change });
    }
  }
  return findings;
}

function eventKey(event: { type: string; version: number }): string {
  return `${event.type}@v${event.version}`;
}
