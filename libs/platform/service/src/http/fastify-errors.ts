import { HttpException } from '@nestjs/common';

/** The parts of a Fastify request the messages need. */
interface RejectedRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly routeOptions: { readonly bodyLimit: number };
}

interface FastifyClientError extends Error {
  readonly code: string;
  readonly statusCode: number;
}

/**
 * Fastify rejects some requests before any Nest handler runs (body too large,
 * unsupported content type, bad JSON). Nest would turn them into a bare
 * HttpException with Fastify's terse text; these messages say what to fix.
 */
export function fastifyClientError(error: unknown, request: RejectedRequest): unknown {
  if (!isFastifyClientError(error)) return error;
  return new HttpException(messageFor(error, request), error.statusCode, { cause: error });
}

function messageFor(error: FastifyClientError, request: RejectedRequest): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `request body exceeds the limit of ${request.routeOptions.bodyLimit} bytes`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `content type "${request.headers['content-type'] ?? '(none)'}" is not supported; send application/json`;
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'request body is not valid JSON';
    default:
      return error.message;
  }
}

function isFastifyClientError(error: unknown): error is FastifyClientError {
  if (!(error instanceof Error)) return false;
  const { code, statusCode } = error as Partial<FastifyClientError>;
  return typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number' && statusCode < 500;
}
