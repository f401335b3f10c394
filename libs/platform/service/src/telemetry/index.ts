// @mesh/service/telemetry: what a service's telemetry.ts and its BullMQ set-up use. Kept apart from
// @mesh/service so that importing it loads neither NestJS nor the service's stores before the SDK
// has started.
export { bullmqTelemetry } from './bullmq-telemetry';
export { type TraceLogFields, traceLogFields } from './log-trace-fields';
export {
  shutdownTelemetry,
  startTelemetry,
  telemetryDescription,
  type TelemetryOptions,
  tracingEnabled,
} from './start-telemetry';
export { type TelemetrySettings, telemetrySettings } from './telemetry-settings';
