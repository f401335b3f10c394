const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface PinoLine {
  /** A number, or its label when the service's pino formats levels as labels. */
  level?: number | string;
  time?: number;
  msg?: string;
  err?: { message?: string };
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/**
 * One readable line from a service's output: pino's JSON lines become
 * `12:00:01 INFO  listening on …` (with the request and status of access logs, and the error
 * message of failures); anything else (a stack trace, a start-up failure) is kept as it is.
 */
export function formatLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let parsed: PinoLine;
  try {
    parsed = JSON.parse(line) as PinoLine;
  } catch {
    return line;
  }
  const time = parsed.time ? new Date(parsed.time).toISOString().slice(11, 19) : '';
  const level = levelLabel(parsed.level).padEnd(5);
  const request = parsed.req?.method ? ` ${parsed.req.method} ${parsed.req.url ?? ''}` : '';
  const status = parsed.res?.statusCode ? ` → ${parsed.res.statusCode}` : '';
  const took = parsed.responseTime !== undefined ? ` (${parsed.responseTime} ms)` : '';
  const error = parsed.err?.message ? `: ${parsed.err.message}` : '';
  return `${time} ${level} ${parsed.msg ?? ''}${request}${status}${took}${error}`.trimEnd();
}

function levelLabel(level: number | string | undefined): string {
  if (typeof level === 'string') return level.toUpperCase();
  return LEVELS[level ?? 30] ?? String(level);
}

/** `[orders]    ` in the service's colour, padded so that the logs of all services line up. */
export function logPrefix(name: string, width: number, colour: number, useColour: boolean): string {
  const label = `[${name}]`.padEnd(width + 2);
  return useColour ? `\u001b[${colour}m${label}\u001b[0m` : label;
}
