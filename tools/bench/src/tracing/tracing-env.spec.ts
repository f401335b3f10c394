import { telemetrySettings } from '@mesh/service/telemetry';

import { tracingEnv } from './tracing-env';

describe('tracingEnv', () => {
  const callerEnv = {
    OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    OTEL_TRACES_EXPORTER: 'console',
  };

  it("turns the services' tracing off whatever the caller's environment says", () => {
    expect(
      telemetrySettings({
        ...callerEnv,
        ...tracingEnv('off', 'http://127.0.0.1:9'),
      }).enabled,
    ).toBe(false);
  });

  it("turns it on towards the receiver over HTTP/protobuf, not where the caller's environment points", () => {
    const env: NodeJS.ProcessEnv = {
      ...callerEnv,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://elsewhere:4318/v1/traces',
      ...tracingEnv('on', 'http://127.0.0.1:9'),
    };
    expect(telemetrySettings(env)).toEqual({
      enabled: true,
      description: 'tracing on: otlp to http://127.0.0.1:9',
    });
    expect(env['OTEL_EXPORTER_OTLP_PROTOCOL']).toBe('http/protobuf');
  });
});
