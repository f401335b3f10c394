import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  ServiceUnavailableException,
} from '@nestjs/common';

import { ConflictError, NotFoundError, RuleViolationError } from '../domain/domain-errors';
import { INTERNAL_ERROR_MESSAGE, STORE_UNAVAILABLE_MESSAGE, toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it('hides anything that is not an HttpException behind a generic 500', () => {
    expect(toErrorResponse(new TypeError('cannot read properties of undefined (reading "id")'))).toEqual({
      body: { statusCode: 500, error: 'Internal Server Error', message: INTERNAL_ERROR_MESSAGE },
      unexpected: true,
    });
    expect(toErrorResponse('a thrown string').unexpected).toBe(true);
  });

  it('keeps an HttpException’s status and message', () => {
    expect(toErrorResponse(new HttpException('teapot', 418)).body).toEqual({
      statusCode: 418,
      error: "I'm a Teapot",
      message: 'teapot',
    });
    expect(toErrorResponse(new InternalServerErrorException('deliberate')).body.message).toBe('deliberate');
  });

  it('joins message lists and keeps extra fields, but owns statusCode and error', () => {
    const exception = new BadRequestException({ message: ['a is wrong', 'b is wrong'], error: 'Custom', issues: [1] });
    expect(toErrorResponse(exception)).toEqual({
      body: { statusCode: 400, error: 'Bad Request', message: 'a is wrong; b is wrong', issues: [1] },
      unexpected: false,
    });
  });

  it('falls back to the exception message when the response has none', () => {
    expect(toErrorResponse(new ServiceUnavailableException({ checks: {} })).body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Service Unavailable Exception',
      checks: {},
    });
  });

  it('answers 503 with Retry-After, not 500, when a store cannot be reached: the request may be sent again', () => {
    const outage = new Error('Query failed', { cause: new Error('Connection terminated unexpectedly') });
    expect(toErrorResponse(outage)).toEqual({
      body: { statusCode: 503, error: 'Service Unavailable', message: STORE_UNAVAILABLE_MESSAGE },
      unexpected: true,
      retryAfterSeconds: 1,
    });
  });

  it("answers a domain rule's refusal with the status of its kind and its message, as expected", () => {
    expect(toErrorResponse(new NotFoundError('order 7 not found'))).toEqual({
      body: { statusCode: 404, error: 'Not Found', message: 'order 7 not found' },
      unexpected: false,
    });
    expect(toErrorResponse(new ConflictError('order 7 is shipped')).body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    // Even when its cause is a store's error: the rule decided, the store answered.
    const duplicate = new ConflictError('already registered', { cause: new Error('E11000 duplicate key') });
    expect(toErrorResponse(duplicate).body.statusCode).toBe(409);
    expect(toErrorResponse(new RuleViolationError('customer 9 is unknown')).body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'customer 9 is unknown',
    });
  });
});
