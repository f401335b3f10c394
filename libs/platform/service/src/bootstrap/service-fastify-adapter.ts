import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';

import { fastifyClientError } from '../http/fastify-errors';
import { REQUEST_ID_HEADER, requestIdFrom } from '../logging/request-id';

/**
 * Fastify with the request id chosen before anything else runs (so the access
 * log, error logs and response header agree) and with Fastify's own request
 * rejections turned into HttpExceptions with useful messages.
 */
export class ServiceFastifyAdapter extends FastifyAdapter {
  /**
   * How many proxies in front are believed about the client's address (X-Forwarded-For). Fastify
   * reads its trust setting when it is built, before the configuration is validated, so it asks
   * this object, which the configuration sets before the first request.
   */
  readonly trustedProxies: { hops: number };

  constructor() {
    const trustedProxies = { hops: 0 };
    super({
      genReqId: (req: IncomingMessage) => requestIdFrom(req.headers[REQUEST_ID_HEADER]),
      trustProxy: (_address: string, hop: number) => hop < trustedProxies.hops,
    });
    this.trustedProxies = trustedProxies;
    this.getInstance().addHook('onRequest', async (request, reply) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
    });
  }

  override setErrorHandler(handler: Parameters<FastifyAdapter['setErrorHandler']>[0]) {
    return super.setErrorHandler(function (error, request, reply) {
      return handler.call(this, fastifyClientError(error, request), request, reply);
    });
  }
}
