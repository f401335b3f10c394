import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type Observable, throwError } from 'rxjs';

import { toErrorResponse } from './error-response';

/**
 * Gives every HTTP error the same JSON shape. Anything that is not an
 * HttpException becomes a generic 500 (or a 503 with Retry-After when a store
 * cannot be reached): its message may hold internals (SQL, hostnames), so it
 * goes to the log with the request id, not to the client.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectPinoLogger(ErrorResponseFilter.name) private readonly logger: PinoLogger,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    // Message handlers (Redis Streams) have their own error handling.
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const { body, unexpected, retryAfterSeconds } = toErrorResponse(exception);
    // The logger is bound to the request (nestjs-pino), so the line carries its reqId.
    if (unexpected) this.logger.error({ err: exception }, 'unhandled error in %s %s', request.method, request.url);
    const response = http.getResponse<unknown>();
    if (retryAfterSeconds !== undefined)
      this.adapterHost.httpAdapter.setHeader(response, 'Retry-After', String(retryAfterSeconds));
    this.adapterHost.httpAdapter.reply(response, body, body.statusCode);
  }
}
