/** Whether a process traces, decided from OpenTelemetry's standard variables alone. */
export interface TelemetrySettings {
  readonly enabled: boolean;
  /** One line for the start-up log: where spans go, or why there are none. */
  readonly description: string;
}

const TRUE = /^(true|1|yes)$/i;

/**
 * Tracing is off unless an exporter is configured: `OTEL_EXPORTER_OTLP_ENDPOINT` or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (the OTLP exporter), or `OTEL_TRACES_EXPORTER` naming one
 * (`otlp`, `console`, …). `OTEL_SDK_DISABLED=true` and `OTEL_TRACES_EXPORTER=none` turn it off
 * whatever else is set. Off is the default so that a developer's run, the tests and the bench
 * load no SDK at all; the SDK's own default (OTLP to localhost:4318) would export into the void.
 */
export function telemetrySettings(env: NodeJS.ProcessEnv): TelemetrySettings {
  if (TRUE.test(env['OTEL_SDK_DISABLED']?.trim() ?? '')) {
    return { enabled: false, description: 'tracing off (OTEL_SDK_DISABLED=true)' };
  }
  const exporters = (env['OTEL_TRACES_EXPORTER'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (exporters.includes('none')) return { enabled: false, description: 'tracing off (OTEL_TRACES_EXPORTER=none)' };
  const endpoint = nonEmpty(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) ?? nonEmpty(env['OTEL_EXPORTER_OTLP_ENDPOINT']);
  if (exporters.length === 0 && !endpoint) {
    return {
      enabled: false,
      description: 'tracing off (set OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_TRACES_EXPORTER to export spans)',
    };
  }
  const names = exporters.length > 0 ? exporters : ['otlp'];
  const target = names.includes('otlp') ? ` to ${endpoint ?? 'http://localhost:4318 (the SDK default)'}` : '';
  return { enabled: true, description: `tracing on: ${names.join(', ')}${target}` };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
