import type { CatalogDocument } from '../products/data-product-document.schema';
import type { Lineage, LineageEdge, LineageNode, StreamConsumer, StreamConsumers } from './lineage';

type InputPort = CatalogDocument['manifest']['inputPorts'][number];

/**
 * The lineage graph from the documents the catalog could read: a node per domain, an edge per
 * input port (producer → consumer, per stream and group), and per output stream its consumers,
 * declared or only measured. A domain named as a producer without a readable document of its
 * own still gets a node, marked `not-listed`, so the graph never hides a dependency.
 */
export function buildLineage(read: readonly CatalogDocument[]): Lineage {
  // A domain configured twice (two replicas) is one product: the first document read stands.
  const documents = read.filter(
    (document, index) => read.findIndex((other) => other.manifest.domain === document.manifest.domain) === index,
  );
  const nodes = new Map<string, LineageNode>();
  for (const { manifest } of documents) {
    nodes.set(manifest.domain, {
      id: manifest.domain,
      title: manifest.title,
      ownerTeam: manifest.owner.team,
      state: 'listed',
    });
  }
  const edges = documents.flatMap((consumer) => consumer.manifest.inputPorts.map((port) => edgeOf(consumer, port)));
  for (const edge of edges) {
    if (!nodes.has(edge.from))
      nodes.set(edge.from, { id: edge.from, title: edge.from, ownerTeam: null, state: 'not-listed' });
  }
  const streams = documents.flatMap((producer) =>
    producer.manifest.outputPorts.streams.map((port) => consumersOf(port.stream, producer, edges)),
  );
  return { nodes: [...nodes.values()], edges, streams };
}

function edgeOf(consumer: CatalogDocument, port: InputPort): LineageEdge {
  const measured = consumer.status.inputs.find((input) => input.stream === port.stream && input.group === port.group);
  return {
    from: port.from,
    to: consumer.manifest.domain,
    stream: port.stream,
    group: port.group,
    eventTypes: [...port.eventTypes],
    lag: measured?.lag ?? null,
    pending: measured?.pending ?? null,
    deadLetters: measured?.deadLetters ?? null,
    behindSeconds: measured?.behindSeconds ?? null,
    health: healthOf(consumer, port.stream),
  };
}

// Service-level checks about one input are named `<kind>:<stream>` (consumer-lag, dead-letters).
function healthOf(consumer: CatalogDocument, stream: string): LineageEdge['health'] {
  const checks = consumer.status.serviceLevels.filter((check) => check.name.endsWith(`:${stream}`));
  if (checks.length === 0) return 'unknown';
  return checks.every((check) => check.kept) ? 'kept' : 'broken';
}

function consumersOf(stream: string, producer: CatalogDocument, edges: readonly LineageEdge[]): StreamConsumers {
  const groups = producer.status.outputs.find((output) => output.stream === stream)?.groups ?? [];
  const consumers = new Map<string, StreamConsumer>();
  for (const edge of edges.filter((candidate) => candidate.stream === stream)) {
    const group = groups.find((measured) => measured.name === edge.group);
    consumers.set(edge.group, {
      group: edge.group,
      domain: edge.to,
      declared: true,
      measured: group !== undefined,
      lag: group?.lag ?? null,
      pending: group?.pending ?? null,
      consumers: group?.consumers ?? null,
      lostToCap: group?.lostToCap ?? null,
    });
  }
  for (const group of groups) {
    if (consumers.has(group.name)) continue;
    consumers.set(group.name, {
      group: group.name,
      domain: null,
      declared: false,
      measured: true,
      lag: group.lag,
      pending: group.pending,
      consumers: group.consumers,
      lostToCap: group.lostToCap ?? null,
    });
  }
  const sorted = [...consumers.values()].sort((a, b) => a.group.localeCompare(b.group));
  return { stream, producer: producer.manifest.domain, consumers: sorted };
}
