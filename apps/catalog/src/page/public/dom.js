// DOM building without HTML strings: text goes in through textContent and attributes through
// setAttribute, so whatever a manifest holds is shown as text and never parsed as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An HTML element: `el('li', { 'data-testid': 'x', class: 'y' }, 'text', child)`.
 * Attributes whose value is null, undefined or false are left out.
 */
export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** An SVG element, the same way. */
export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.toLowerCase().startsWith('on')) throw new Error(`no event handler attributes: ${name}`);
    element.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/**
 * An http(s) URL made from `path` on `base`'s origin, or null. A manifest's path never turns
 * into a javascript: or data: link, nor into a link to another host.
 */
export function safeLink(base, path) {
  try {
    const origin = new URL(base);
    const url = new URL(path, origin);
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== origin.origin) return null;
    return url.toString();
  } catch {
    return null;
  }
}

/** A figure for people: null or undefined is a dash. */
export function figure(value) {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '—';
}

/** Seconds as `42 s`, `7 min`, `3 h`, `2 d`; null is a dash. */
export function age(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '—';
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}
