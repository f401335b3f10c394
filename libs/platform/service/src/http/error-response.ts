import { STATUS_CODES } from 'node:http';

import { HttpException, HttpStatus } from '@nestjs/common';

/** The one JSON shape every error response has. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly [extra: string]: unknown;
}

export interface ErrorResponse {
  readonly body: ErrorBody;
  /** Not an HttpException: a bug or an outage, worth logging with its stack. */
  readonly unexpected: boolean;
}

export const INTERNAL_ERROR_MESSAGE = 'internal server error';

export function toErrorResponse(exception: unknown): ErrorResponse {
  if (!(exception instanceof HttpException)) {
    return { body: errorBody(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR_MESSAGE), unexpected: true };
  }
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return { body: errorBody(statusCode, response), unexpected: false };
  // Extra fields (validation issues, failed checks) are kept; the core three are ours.
  const { statusCode: _status, error: _error, message, ...extra } = response as Record<string, unknown>;
  return { body: { ...extra, ...errorBody(statusCode, messageOf(message, exception)) }, unexpected: false };
}

function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

function messageOf(message: unknown, exception: HttpException): string {
  if (typeof message === 'string') return message;
  // class-validator style lists, should a domain still throw one.
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}
