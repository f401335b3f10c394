import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny HTTP server standing in for a domain, answering with whatever `handler` does. */
export class FakeUpstream {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    /** Paths requested, in order. */
    readonly requests: string[],
  ) {}

  static async start(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<FakeUpstream> {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      handler(request, response);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new FakeUpstream(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests);
  }

  /** Answers every request with `body` as JSON (after `delayMs`). */
  static serving(body: unknown, delayMs = 0): Promise<FakeUpstream> {
    return FakeUpstream.start((_request, response) => {
      const answer = () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const timer = setTimeout(answer, delayMs);
      response.on('close', () => clearTimeout(timer));
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }
}

/** A base URL where nothing listens: a port that was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const probe = await FakeUpstream.start(() => undefined);
  const url = probe.url;
  await probe.close();
  return url;
}
