/**
 * The mesh as a graph: which domain consumes which stream of which other domain, as the
 * manifests declare it, with what the domains measure about each flow right now.
 */
export interface Lineage {
  nodes: LineageNode[];
  edges: LineageEdge[];
  streams: StreamConsumers[];
}

export interface LineageNode {
  /** The domain, which input ports name in `from`. */
  id: string;
  title: string;
  ownerTeam: string | null;
  /**
   * `listed`: its document was read. `not-listed`: another manifest names it as a producer, but the
   * catalog has no readable document of it (not configured, unreachable or unusable).
   */
  state: 'listed' | 'not-listed';
}

/** One input port: `to` reads `stream`, published by `from`, with consumer group `group`. */
export interface LineageEdge {
  from: string;
  to: string;
  stream: string;
  group: string;
  eventTypes: string[];
  /** The consumer's own figures for this input; null when its status does not list it. */
  lag: number | null;
  pending: number | null;
  deadLetters: number | null;
  /** Age of the oldest entry the consumer has not applied yet, in seconds (0 when caught up). */
  behindSeconds: number | null;
  /**
   * Whether the consumer's service levels for this stream are kept now (`kept` when every check
   * named `…:<stream>` is, `broken` when one is not, `unknown` when there is none).
   */
  health: 'kept' | 'broken' | 'unknown';
}

/** Who reads one output stream: declared consumers (manifests) and measured groups (Redis). */
export interface StreamConsumers {
  stream: string;
  producer: string;
  consumers: StreamConsumer[];
}

export interface StreamConsumer {
  group: string;
  /** The domain that declares this group as an input; null for a group no manifest declares. */
  domain: string | null;
  declared: boolean;
  /** Whether the producer measured this group on its stream (it exists in Redis). */
  measured: boolean;
  /** The producer's figures for the group; null when not measured. */
  lag: number | null;
  pending: number | null;
  consumers: number | null;
  /** Entries the group lost to the stream's cap, as the producer counted them; null when not measured. */
  lostToCap: number | null;
}
