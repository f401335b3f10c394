import { parser } from '@prometheus-io/lezer-promql';

/** One series selector of an expression: the metric it names and the labels it matches on. */
export interface SeriesSelector {
  metric: string;
  matchers: Array<{ label: string; value: string }>;
}

export interface ParsedExpression {
  /** Where the parser could not read the expression (character offsets), empty when it parses. */
  errors: number[];
  selectors: SeriesSelector[];
}

/**
 * Parses a PromQL expression with Prometheus's own grammar (the one its web UI uses) and lists
 * its selectors. The lezer parser recovers from errors instead of throwing, so an expression
 * parses only if its tree holds no error node.
 */
export function parsePromql(expression: string): ParsedExpression {
  const tree = parser.parse(expression);
  const errors: number[] = [];
  const selectors: SeriesSelector[] = [];
  tree.iterate({
    enter(node) {
      if (node.type.isError) errors.push(node.from);
      if (node.name !== 'VectorSelector') return;
      const identifier = node.node.getChild('Identifier');
      const matchers = node.node
        .getChild('LabelMatchers')
        ?.getChildren('UnquotedLabelMatcher')
        .map((matcher) => ({
          label: text(expression, matcher.getChild('LabelName')),
          value: JSON.parse(text(expression, matcher.getChild('StringLiteral')) || '""') as string,
        }));
      selectors.push({ metric: text(expression, identifier), matchers: matchers ?? [] });
    },
  });
  return { errors, selectors };
}

const text = (source: string, node: { from: number; to: number } | null) => (node ? source.slice(node.from, node.to) : '');
