import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DestinationStream, stdTimeFunctions } from 'pino';
import type { Options } from 'pino-http';

import type { ServiceConfig } from '../config/service-config';
import { traceLogFields } from '../telemetry/log-trace-fields';

// Orchestrators and Prometheus poll these every few seconds; logging each
// request would drown the lines that matter.
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

export interface LoggerParamsInput {
  readonly service: string;
  readonly config: ServiceConfig;
  readonly destination?: DestinationStream;
}

/** nestjs-pino settings: one JSON line per request, no bodies, no headers. */
export function loggerParams({ service, config, destination }: LoggerParamsInput): Params {
  const options: Options = {
    level: config.logLevel,
    base: { service, pid: process.pid },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // trace_id and span_id of the active span: a request's, a handled event's or a job's lines join its trace.
    mixin: traceLogFields,
    // Fastify already chose the id (see requestIdFrom); middie copies it to the raw request.
    genReqId: (req) => req.id ?? randomUUID(),
    // Lines logged during a request carry only its id, not the whole request again.
    quietReqLogger: true,
    serializers: {
      // Headers are left out on purpose: they carry tokens and cookies.
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: levelFor,
    // For a 5xx pino-http invents an Error("failed with status code 500") with
    // its own stack; the real error is logged by ErrorResponseFilter instead.
    customErrorObject: (_req, _res, _error, value: Record<string, unknown>) => {
      const { err: _synthetic, ...rest } = value;
      return rest;
    },
    autoLogging: { ignore: (req) => QUIET_PATHS.has(pathOf(req)) },
    ...(config.logPretty && !destination ? { transport: { target: 'pino-pretty' } } : {}),
  };
  return { pinoHttp: destination ? [options, destination] : options };
}

function levelFor(_req: IncomingMessage, res: ServerResponse, error?: Error): 'error' | 'warn' | 'info' {
  if (error || res.statusCode >= 500) return 'error';
  return res.statusCode >= 400 ? 'warn' : 'info';
}

// Middie mounts Nest middleware on a path and rewrites req.url relative to
// it; originalUrl keeps what the client asked for.
function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  const url = req.originalUrl ?? req.url ?? '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
