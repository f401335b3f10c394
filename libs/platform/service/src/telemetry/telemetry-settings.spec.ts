import { telemetrySettings } from './telemetry-settings';

describe('telemetrySettings', () => {
  it('is off when no exporter is configured, saying what would turn it on', () => {
    expect(telemetrySettings({})).toEqual({ enabled: false, description: expect.stringContaining('OTEL_EXPORTER_OTLP_ENDPOINT') });
  });

  it('is on with an OTLP endpoint, for all signals or for traces alone', () => {
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      enabled: true,
      description: 'tracing on: otlp to http://collector:4318',
    });
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }).enabled).toBe(true);
  });

  it('is on when OTEL_TRACES_EXPORTER names an exporter, off when it says none', () => {
    expect(telemetrySettings({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({ enabled: true, description: 'tracing on: console' });
    expect(telemetrySettings({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).enabled).toBe(false);
  });

  it('is off with OTEL_SDK_DISABLED=true whatever else is set', () => {
    const settings = telemetrySettings({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' });
    expect(settings).toEqual({ enabled: false, description: 'tracing off (OTEL_SDK_DISABLED=true)' });
  });

  it('takes blank variables for unset ones', () => {
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ', OTEL_TRACES_EXPORTER: '' }).enabled).toBe(false);
  });
});
