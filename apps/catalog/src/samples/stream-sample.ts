/** One event of a stream as the catalog shows it: the envelope's attributes and its masked data. */
export interface StreamSample {
  /** The Redis entry id (`1733600000000-0`). */
  entryId: string;
  /** CloudEvents attributes; null when the entry is not a readable event. */
  id: string | null;
  type: string | null;
  source: string | null;
  subject: string | null;
  time: string | null;
  dataschema: string | null;
  /** The data with every classified field masked; null when it is withheld (see `withheld`). */
  data: unknown;
  /** Pointers of the fields that were masked in this sample. */
  masked: string[];
  /** Why there is no data: a malformed entry, or a type the producer's manifest does not describe. */
  withheld?: string;
}

/** `GET /api/streams/:stream/samples`: the newest entries of one output stream, newest first. */
export interface StreamSamples {
  stream: string;
  /** The Redis key read, from the producer's manifest. */
  key: string;
  producer: string;
  readAt: string;
  /** How many were asked for. */
  count: number;
  samples: StreamSample[];
  /** Why there are no samples: the bus is not configured or not reachable. */
  error?: string;
}
