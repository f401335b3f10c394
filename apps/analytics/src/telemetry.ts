import { startTelemetry } from '@mesh/service/telemetry';

// main.ts imports this file before anything else: OpenTelemetry must start before http, pg,
// mongodb and ioredis are loaded, so that its instrumentations can patch them.
startTelemetry({ serviceName: 'analytics' });
