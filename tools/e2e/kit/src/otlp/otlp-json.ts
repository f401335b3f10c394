import type { ReceivedSpan } from './received-span';

// The parts of an OTLP/JSON ExportTraceServiceRequest (opentelemetry-proto's JSON mapping: ids in
// hex, 64-bit integers as strings) read here.
interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value?: OtlpValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  startTimeUnixNano?: string | number;
  attributes?: OtlpAttribute[];
  status?: { code?: number };
}
interface OtlpExport {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: Array<{ spans?: OtlpSpan[] }>;
  }>;
}

/** The spans of an OTLP/JSON export body. @throws when it is not JSON. */
export function spansOfJsonExport(body: string): ReceivedSpan[] {
  const request = JSON.parse(body) as OtlpExport;
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name'] ?? '?');
    for (const scope of resourceSpans.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) spans.push(flatten(service, span));
    }
  }
  return spans;
}

function flatten(service: string, span: OtlpSpan): ReceivedSpan {
  return {
    service,
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId ?? '',
    name: span.name,
    kind: span.kind ?? 0,
    attributes: attributesOf(span.attributes),
    startNanos: BigInt(span.startTimeUnixNano ?? 0),
    statusCode: span.status?.code ?? 0,
  };
}

function attributesOf(attributes: OtlpAttribute[] | undefined): Record<string, string | number | boolean> {
  const values: Record<string, string | number | boolean> = {};
  for (const { key, value } of attributes ?? []) {
    if (!value) continue;
    const scalar = value.stringValue ?? value.boolValue ?? value.doubleValue ?? value.intValue;
    if (scalar !== undefined) values[key] = typeof scalar === 'string' && 'intValue' in value ? Number(scalar) : scalar;
  }
  return values;
}
