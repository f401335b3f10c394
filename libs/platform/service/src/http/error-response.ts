import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

import { DomainError } from '../domain/domain-errors';
import { isStoreUnavailable } from './store-unavailable';

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
  /** For a 503: when to send the request again (the `Retry-After` header). */
  readonly retryAfterSeconds?: number;
}

const DOMAIN_ERROR_STATUS: Record<DomainError['kind'], number> = {
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  'rule-broken': HttpStatus.UNPROCESSABLE_ENTITY,
};

export const INTERNAL_ERROR_MESSAGE = 'internal server error';
export const STORE_UNAVAILABLE_MESSAGE = 'a store this service needs cannot be reached; send the request again shortly';

/**
 * The response for any thrown value. A domain rule's refusal (DomainError) gets the status of its
 * kind and its message. A store that cannot be reached (its outage, not a bug) is a
 * 503 with Retry-After: nothing was written, and the same request, with its Idempotency-Key where
 * the route takes one, may succeed a moment later. Any other non-HttpException is a generic 500.
 */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof DomainError) {
    return { body: errorBody(DOMAIN_ERROR_STATUS[exception.kind], exception.message), unexpected: false };
  }
  if (!(exception instanceof HttpException) && isStoreUnavailable(exception)) {
    return {
      body: errorBody(HttpStatus.SERVICE_UNAVAILABLE, STORE_UNAVAILABLE_MESSAGE),
      unexpected: true,
      retryAfterSeconds: 1,
    };
  }
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
