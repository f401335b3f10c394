import type { ReceivedSpan } from '../../kit/src/otlp/received-span';

const KIND_NAMES = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

/**
 * One trace as an indented tree, children in the order they started: `service kind name`, and
 * the query of a database span. A span whose parent is not among them (the test client's span,
 * or one not exported yet) is a root.
 */
export function spanTree(spans: readonly ReceivedSpan[]): string {
  const ids = new Set(spans.map((span) => span.spanId));
  const children = new Map<string, ReceivedSpan[]>();
  for (const span of [...spans].sort((a, b) => (a.startNanos < b.startNanos ? -1 : 1))) {
    const parent = ids.has(span.parentSpanId) ? span.parentSpanId : '';
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const lines: string[] = [];
  const walk = (parent: string, depth: number) => {
    for (const span of children.get(parent) ?? []) {
      lines.push(`${'  '.repeat(depth)}${describe(span)}`);
      walk(span.spanId, depth + 1);
    }
  };
  walk('', 0);
  return lines.join('\n');
}

function describe(span: ReceivedSpan): string {
  const query = span.attributes['db.query.text'] ?? span.attributes['db.statement'];
  const detail = typeof query === 'string' ? `  ${query.replace(/\s+/g, ' ').slice(0, 70)}` : '';
  const failed = span.statusCode === 2 ? '  (error)' : '';
  return `${span.service} ${KIND_NAMES[span.kind] ?? span.kind} "${span.name}"${detail}${failed}`;
}

/** Whether `span` is `ancestor` or lies below it. */
export function descendsFrom(span: ReceivedSpan, ancestor: ReceivedSpan, spans: readonly ReceivedSpan[]): boolean {
  const byId = new Map(spans.map((each) => [each.spanId, each]));
  for (let current: ReceivedSpan | undefined = span; current; current = byId.get(current.parentSpanId)) {
    if (current.spanId === ancestor.spanId) return true;
  }
  return false;
}
