// A product's data-quality rules (from its manifest) and how each fared on the sample the product
// checked last (from its status): a broken rule is a broken promise, shown red like a service level.

import { el } from './dom.js';

export function renderQuality(manifest, status) {
  const rules = manifest.quality ?? [];
  if (rules.length === 0) return null;
  const results = new Map((status.quality?.rules ?? []).map((result) => [result.id, result]));
  return el(
    'section',
    { class: 'quality', 'data-testid': 'product-quality' },
    el('h4', {}, 'Data quality'),
    status.quality
      ? el('p', { class: 'muted' }, `checked ${new Date(status.quality.checkedAt).toLocaleTimeString()} on the newest output`)
      : el('p', { class: 'muted' }, 'not checked by this service'),
    el(
      'ul',
      { class: 'service-levels' },
      rules.map((rule) => ruleItem(rule, results.get(rule.id))),
    ),
  );
}

function ruleItem(rule, result) {
  const state = result === undefined ? 'unknown' : result.kept ? 'kept' : 'broken';
  const target = rule.eventTypes ? rule.eventTypes.join(', ') : `api:${rule.resource}`;
  return el(
    'li',
    { class: state, 'data-testid': 'quality-rule', 'data-rule': rule.id, 'data-kept': String(result?.kept ?? '') },
    el('span', { class: 'dot', 'aria-hidden': 'true' }),
    el('strong', {}, state),
    ` ${rule.id} (${rule.dimension}, ${target}): ${rule.description}`,
    result ? el('span', { class: 'muted', 'data-testid': 'quality-measured' }, ` — ${measured(result)}`) : null,
  );
}

function measured(result) {
  if (result.sampled === null) return `not measured: ${result.error ?? 'unknown'}`;
  if (result.failed === 0) return `kept by all ${result.sampled} sampled`;
  return `broken by ${result.failed} of ${result.sampled} sampled: ${result.failing.join(', ')}`;
}

/**
 * `broken` when a service level (quality rules are service levels too) or a rule is not kept,
 * `kept` when everything measured is, `unknown` when nothing was measured.
 */
export function productHealth(status) {
  const kept = [...status.serviceLevels.map((check) => check.kept), ...(status.quality?.rules ?? []).map((rule) => rule.kept)];
  if (kept.length === 0) return 'unknown';
  return kept.every(Boolean) ? 'kept' : 'broken';
}
