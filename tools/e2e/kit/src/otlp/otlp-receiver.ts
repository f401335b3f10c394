import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

import { spansOfJsonExport } from './otlp-json';
import { countProtobufSpans, spansOfProtobufExport } from './otlp-protobuf';
import type { ReceivedSpan } from './received-span';

export interface OtlpReceiverOptions {
  /**
   * Keep every span in memory (`spans`, `trace()`), as a test that checks them needs; a benchmark
   * only counts them (`spanCount`), and protobuf bodies are then counted without being decoded.
   */
  readonly keepSpans?: boolean;
}

/**
 * An OTLP/HTTP receiver of a run's own, in place of a collector: `POST /v1/traces` with OTLP/JSON
 * (`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`) or OTLP/protobuf bodies (`http/protobuf`, the SDK's
 * default), gzipped or not. It counts the spans it receives and, unless told not to, keeps them.
 * Listens on 127.0.0.1, on a port the OS picks. The tracing e2e checks its spans; the bench counts
 * them to show that tracing was on.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  /** Bodies that were not OTLP: a failing check names them. */
  readonly refused: string[] = [];
  private received = 0;

  private constructor(
    private readonly server: Server,
    private readonly keepSpans: boolean,
  ) {}

  static async start(options: OtlpReceiverOptions = {}): Promise<OtlpReceiver> {
    const server = createServer();
    const receiver = new OtlpReceiver(server, options.keepSpans ?? true);
    server.on('request', (request: IncomingMessage, response) => {
      void readBody(request).then((body) => {
        const protobuf = isProtobuf(request);
        const accepted = request.method === 'POST' && request.url === '/v1/traces' && receiver.accept(request, body);
        // An empty ExportTraceServiceResponse: full success, in the encoding the exporter sent.
        response
          .writeHead(accepted ? 200 : 400, {
            'content-type': protobuf ? 'application/x-protobuf' : 'application/json',
          })
          .end(protobuf ? '' : '{}');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return receiver;
  }

  /** For `OTEL_EXPORTER_OTLP_ENDPOINT`: the exporters add `/v1/traces`. */
  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Every span received so far, kept or not. */
  get spanCount(): number {
    return this.received;
  }

  trace(traceId: string): ReceivedSpan[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(request: IncomingMessage, raw: Buffer): boolean {
    try {
      const body = request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      if (isProtobuf(request) && !this.keepSpans) {
        this.received += countProtobufSpans(body);
        return true;
      }
      const spans = isProtobuf(request) ? spansOfProtobufExport(body) : spansOfJsonExport(body.toString('utf8'));
      this.received += spans.length;
      if (this.keepSpans) this.spans.push(...spans);
      return true;
    } catch (error) {
      this.refused.push(
        `${request.headers['content-type'] ?? 'no content-type'}: ${String(error)}: ${raw.subarray(0, 200).toString('utf8')}`,
      );
      return false;
    }
  }
}

function isProtobuf(request: IncomingMessage): boolean {
  return (request.headers['content-type'] ?? '').startsWith('application/x-protobuf');
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
