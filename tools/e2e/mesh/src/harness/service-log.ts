import { createWriteStream, type WriteStream } from 'node:fs';

/** What a service wrote that the scenario looks at: error lines and 5xx answers outside /health. */
export interface LogFindings {
  errorLines: number;
  serverErrors: string[];
}

interface PinoFields {
  level?: number | string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
}

/**
 * A service's output, kept whole in a file (the scenario drives thousands of requests, far too
 * much for the terminal) and read as it passes: every access-log line with a 5xx status outside
 * the health endpoints is a server error, counted independently of what the clients saw.
 */
export class ServiceLog {
  readonly findings: LogFindings = { errorLines: 0, serverErrors: [] };
  private readonly file: WriteStream;

  constructor(readonly path: string) {
    this.file = createWriteStream(path, { flags: 'a' });
  }

  write(line: string): void {
    this.file.write(`${line}\n`);
    // Most lines are neither (thousands of 4xx access lines): skip parsing them.
    if (!line.startsWith('{') || !/"level":("error"|"fatal"|5\d|6\d)|"statusCode":5\d\d/.test(line)) return;
    let fields: PinoFields;
    try {
      fields = JSON.parse(line) as PinoFields;
    } catch {
      return;
    }
    if (typeof fields.level === 'number' ? fields.level >= 50 : /^(error|fatal)$/.test(String(fields.level))) {
      this.findings.errorLines += 1;
    }
    const status = fields.res?.statusCode ?? 0;
    const url = fields.req?.url ?? '';
    if (status >= 500 && !url.startsWith('/health')) {
      this.findings.serverErrors.push(`${fields.req?.method ?? '?'} ${url.slice(0, 120)} → ${status}`);
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.file.end(resolve));
  }
}
