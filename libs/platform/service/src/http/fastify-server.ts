import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The Fastify instance behind Nest. @nestjs/platform-fastify pins its own
 * fastify version, so its types come from Nest rather than from the top-level
 * `fastify` package, which may differ by a minor version.
 */
export type FastifyServer = ReturnType<ReturnType<NestFastifyApplication['getHttpAdapter']>['getInstance']>;
