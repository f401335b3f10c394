import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * The request body, or `{}` when the request has none, still validated by the global pipe
 * through the parameter's DTO type. `@Body()` would refuse a POST without a body, although
 * every field of the body is optional. Use as `@OptionalBody('body')` so errors name the body.
 */
export const OptionalBody = createParamDecorator(
  (_location: 'body', context: ExecutionContext): unknown =>
    context.switchToHttp().getRequest<FastifyRequest>().body ?? {},
);
