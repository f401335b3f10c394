import { RequestValidationException } from '@mesh/service';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

/** The optional header's value: absent, or 1 to 200 characters (else 400 naming the header). */
export function parseIdempotencyKey(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.length >= 1 && value.length <= IDEMPOTENCY_KEY_MAX_LENGTH) return value;
  throw new RequestValidationException([
    {
      path: IDEMPOTENCY_KEY_HEADER,
      message: `must be one header of 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`,
    },
  ]);
}

/** Parameter decorator: the validated `Idempotency-Key` header, or undefined. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  parseIdempotencyKey(context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key']),
);
