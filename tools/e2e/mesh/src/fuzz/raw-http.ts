import { Agent, request as httpRequest } from 'node:http';

export interface RawAnswer {
  status: number;
  /** The start of the body (enough to read an error message). */
  body: string;
}

const BODY_KEPT = 4_096;

/**
 * One HTTP request exactly as given (any body text, any content type), over a kept-alive agent.
 * Resolves with the status and the start of the body; rejects only when no answer came at all.
 * A server may answer a too-large body before reading it and close the connection: the answer
 * counts, the client's failure to finish writing does not.
 */
export function sendRaw(
  agent: Agent,
  target: { host: string; port: number },
  request: { method: string; path: string; headers: Record<string, string>; body?: string },
  timeoutMs = 15_000,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = httpRequest(
      {
        agent,
        host: target.host,
        port: target.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        timeout: timeoutMs,
      },
      (response) => {
        answered = true;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (body.length < BODY_KEPT) body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (request.body !== undefined) outgoing.write(request.body);
    outgoing.end();
  });
}
