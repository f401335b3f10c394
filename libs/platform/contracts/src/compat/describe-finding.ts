import type { CompatFinding } from './compat-finding';

/**
 * One line per finding that names the event, the field and the rule, and says what to do, e.g.
 * `orders.order.placed v1, field "total": type-narrowed (number → integer). Make it compatible …`
 */
export function describeFinding(finding: CompatFinding): string {
  const subject =
    finding.version === undefined ? `stream ${finding.subject}` : `${finding.subject} v${finding.version}`;
  const field = finding.field ? `, field "${finding.field}"` : '';
  return `${subject}${field}: ${finding.rule} (${finding.detail}). ${adviceFor(finding)}`;
}

function adviceFor(finding: CompatFinding): string {
  switch (finding.rule) {
    case 'stream-removed':
      return (
        'Consumers still read it: keep publishing it until they have moved to its successor, then retire it ' +
        `on purpose with \`--retire=${finding.subject}\` on the contracts target.`
      );
    case 'stream-key-changed':
      return (
        'Consumers read the stream at the published key: keep it (keys come from `streamKey`), or publish ' +
        `to a new stream and retire ${finding.subject} on purpose once its consumers have moved.`
      );
    case 'event-removed':
      return (
        'Consumers may still handle it: keep publishing it. To stop, move its consumers to a new stream and ' +
        'retire the old stream on purpose with `--retire=<stream>` on the contracts target.'
      );
    case 'major-version-on-existing-stream':
      return (
        `Publish v${finding.version} on its own stream (the default, ${nextStream(finding.subject, finding.version ?? 1)}) ` +
        'and keep the old one until its consumers have moved.'
      );
    default: {
      const next = (finding.version ?? 0) + 1;
      return (
        'Make the change compatible (add fields as optional, only widen types) or ship it as ' +
        `${finding.subject} v${next} on a new stream (${nextStream(finding.subject, next)}) ` +
        `and keep publishing v${finding.version} until its consumers have moved.`
      );
    }
  }
}

/** The default stream of a major version: `<domain>.<aggregate>.v<version>`. */
function nextStream(type: string, version: number): string {
  const [domain, aggregate] = type.split('.');
  return `${domain}.${aggregate}.v${version}`;
}
