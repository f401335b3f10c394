import type { FastifyServer } from '../http/fastify-server';
import type { ShutdownState } from './shutdown-state';

/**
 * server.close() only closes connections that are idle at that moment; a
 * keep-alive connection whose request was in flight would then stay open until
 * its keep-alive timeout and hold up shutdown. Asking the client to close after
 * the response lets the listener drain as soon as the last request is answered.
 */
export function closeConnectionsWhileDraining(fastify: FastifyServer, state: ShutdownState): void {
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (state.isShuttingDown) void reply.header('connection', 'close');
    return payload;
  });
}
