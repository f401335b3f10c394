import { AddressInfo, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy to Redis that can make chosen connections go silent without closing them, the
 * way a half-open connection behaves after a network partition.
 */
export class FreezableProxy {
  private readonly server: Server;
  private readonly pairs: Array<{ client: Socket; upstream: Socket; sent: string; frozen: boolean }> = [];

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => this.accept(client));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  /** Silences every open connection whose client has sent `marker` (e.g. its client name). */
  freezeConnectionsThatSent(marker: string): number {
    const matching = this.pairs.filter((pair) => pair.sent.includes(marker) && !pair.frozen);
    for (const pair of matching) pair.frozen = true;
    return matching.length;
  }

  async close(): Promise<void> {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    const upstream = new Socket();
    const pair = { client, upstream, sent: '', frozen: false };
    this.pairs.push(pair);
    upstream.connect(this.target.port, this.target.host);
    client.on('data', (chunk) => {
      if (pair.sent.length < 4096) pair.sent += chunk.toString('latin1');
      if (!pair.frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!pair.frozen) client.write(chunk);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
