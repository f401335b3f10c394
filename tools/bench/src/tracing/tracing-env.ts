import type { TracingMode } from './tracing-figures';

/**
 * The OpenTelemetry variables of the services in a pass, overriding whatever the caller's
 * environment holds: off, none that would start the SDK (blank counts as unset); on, the OTLP
 * exporter to `endpoint` with the SDK's default protocol (HTTP/protobuf), as a deployment would
 * send to its collector.
 */
export function tracingEnv(mode: TracingMode, endpoint: string): Record<string, string> {
  const untraced = {
    OTEL_SDK_DISABLED: '',
    OTEL_TRACES_EXPORTER: '',
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
    OTEL_EXPORTER_OTLP_PROTOCOL: '',
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: '',
  };
  return mode === 'off'
    ? untraced
    : {
        ...untraced,
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      };
}
