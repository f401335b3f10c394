import { parse, Reader, type Type } from 'protobufjs';

import type { ReceivedSpan } from './received-span';

// The messages of opentelemetry-proto (collector/trace/v1, trace/v1, common/v1, resource/v1) that
// the receiver reads, with their field numbers; the fields left out (events, links, flags, …) are
// skipped by the decoder as unknown fields.
const OTLP_TRACE_PROTO = `
syntax = "proto3";
package otlp;
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
message Resource { repeated KeyValue attributes = 1; }
message ScopeSpans { repeated Span spans = 2; }
message Span {
  bytes trace_id = 1;
  bytes span_id = 2;
  bytes parent_span_id = 4;
  string name = 5;
  int32 kind = 6;
  fixed64 start_time_unix_nano = 7;
  repeated KeyValue attributes = 9;
  Status status = 15;
}
message Status { int32 code = 3; }
message KeyValue { string key = 1; AnyValue value = 2; }
message AnyValue {
  oneof value {
    string string_value = 1;
    bool bool_value = 2;
    int64 int_value = 3;
    double double_value = 4;
  }
}
`;

const exportRequest: Type = parse(OTLP_TRACE_PROTO).root.lookupType('otlp.ExportTraceServiceRequest');

interface DecodedValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string;
  doubleValue?: number;
}
interface DecodedAttribute {
  key: string;
  value?: DecodedValue;
}
interface DecodedSpan {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId?: Uint8Array;
  name: string;
  kind?: number;
  startTimeUnixNano?: string;
  attributes?: DecodedAttribute[];
  status?: { code?: number };
}
interface DecodedExport {
  resourceSpans?: Array<{
    resource?: { attributes?: DecodedAttribute[] };
    scopeSpans?: Array<{ spans?: DecodedSpan[] }>;
  }>;
}

/** The spans of an OTLP/protobuf export body (`application/x-protobuf`). @throws when it is not one. */
export function spansOfProtobufExport(body: Uint8Array): ReceivedSpan[] {
  const request = exportRequest.toObject(exportRequest.decode(body), {
    longs: String,
  }) as DecodedExport;
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name'] ?? '?');
    for (const scope of resourceSpans.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        spans.push({
          service,
          traceId: hex(span.traceId),
          spanId: hex(span.spanId),
          parentSpanId: hex(span.parentSpanId),
          name: span.name ?? '',
          kind: span.kind ?? 0,
          attributes: attributesOf(span.attributes),
          startNanos: BigInt(span.startTimeUnixNano ?? 0),
          statusCode: span.status?.code ?? 0,
        });
      }
    }
  }
  return spans;
}

const LENGTH_DELIMITED = 2;

/**
 * How many spans an OTLP/protobuf export body holds, without decoding them: a walk over the
 * request's resource spans and their scope spans that skips every span's bytes, so that a
 * receiver counting the spans of a benchmark costs the machine next to nothing.
 */
export function countProtobufSpans(body: Uint8Array): number {
  let spans = 0;
  forEachField(body, 1, (resourceSpans) =>
    forEachField(resourceSpans, 2, (scopeSpans) => forEachField(scopeSpans, 2, () => (spans += 1))),
  );
  return spans;
}

/** Calls `each` with the bytes of every length-delimited field `field` of `message`, skipping the others. */
function forEachField(message: Uint8Array, field: number, each: (bytes: Uint8Array) => unknown): void {
  const reader = Reader.create(message);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === field && (tag & 7) === LENGTH_DELIMITED) each(reader.bytes());
    else reader.skipType(tag & 7);
  }
}

function attributesOf(attributes: DecodedAttribute[] | undefined): Record<string, string | number | boolean> {
  const values: Record<string, string | number | boolean> = {};
  for (const { key, value } of attributes ?? []) {
    if (!value) continue;
    const scalar =
      value.stringValue ??
      value.boolValue ??
      value.doubleValue ??
      (value.intValue === undefined ? undefined : Number(value.intValue));
    if (scalar !== undefined) values[key] = scalar;
  }
  return values;
}

function hex(bytes: Uint8Array | undefined): string {
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex') : '';
}
