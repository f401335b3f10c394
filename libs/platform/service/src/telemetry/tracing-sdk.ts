import { NodeSDK } from '@opentelemetry/sdk-node';

import { serviceInstrumentations } from './service-instrumentations';

/** What a started SDK offers the rest of the service: flushing its last spans on the way out. */
export interface RunningTracing {
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry's Node SDK, configured by the standard `OTEL_*` variables (exporter, protocol,
 * endpoint, sampler, batch sizes, resource attributes), with the services' instrumentations.
 * Traces only: metrics stay Prometheus's (`/metrics`) and logs stay JSON lines on stdout, unless
 * `OTEL_METRICS_EXPORTER` or `OTEL_LOGS_EXPORTER` asks for more. An exporter that cannot reach its
 * collector drops the batch and reports through OpenTelemetry's diagnostics (`OTEL_LOG_LEVEL`):
 * the service goes on.
 */
export function startTracingSdk(serviceName: string, env: NodeJS.ProcessEnv): RunningTracing {
  const sdk = new NodeSDK({
    // OTEL_SERVICE_NAME, when set, names the service instead (a second deployment of one domain).
    serviceName: env['OTEL_SERVICE_NAME'] ? undefined : serviceName,
    instrumentations: serviceInstrumentations(),
    metricReaders: env['OTEL_METRICS_EXPORTER'] ? undefined : [],
    logRecordProcessors: env['OTEL_LOGS_EXPORTER'] ? undefined : [],
  });
  sdk.start();
  return sdk;
}
