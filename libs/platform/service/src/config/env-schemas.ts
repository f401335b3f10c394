import { z } from 'zod';

// Environment values are always strings. z.coerce would turn "" into 0 and
// "12abc" into NaN, so numbers and booleans are parsed strictly instead.

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

export interface IntBounds {
  readonly min?: number;
  readonly max?: number;
}

/** An integer, optionally bounded: `envInt({ min: 1 })`. */
export function envInt(bounds: IntBounds = {}) {
  let value = z.number().int();
  if (bounds.min !== undefined) value = value.min(bounds.min);
  if (bounds.max !== undefined) value = value.max(bounds.max);
  return z.string().trim().regex(INTEGER, 'must be an integer').transform(Number).pipe(value);
}

export interface NumberBounds extends IntBounds {
  /** The value must be greater than this (e.g. 0 for a duration that may be fractional but not zero). */
  readonly above?: number;
}

/**
 * A decimal number, optionally bounded: `envNumber({ above: 0 })`. For durations in a coarse unit
 * that a test or a soak needs in seconds (`INBOX_KEPT_DAYS=0.002` is about three minutes).
 */
export function envNumber(bounds: NumberBounds = {}) {
  let value = z.number();
  if (bounds.above !== undefined) value = value.gt(bounds.above);
  if (bounds.min !== undefined) value = value.min(bounds.min);
  if (bounds.max !== undefined) value = value.max(bounds.max);
  return z.string().trim().regex(DECIMAL, 'must be a number like 2 or 0.5').transform(Number).pipe(value);
}

/** A TCP port; 0 asks the OS for a free one (handy in tests). */
export function envPort() {
  return envInt({ min: 0, max: 65535 });
}

/** true/false, 1/0, yes/no, on/off (any case). */
export function envBool() {
  return z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => TRUE.includes(v) || FALSE.includes(v), `must be one of ${[...TRUE, ...FALSE].join(', ')}`)
    .transform((v) => TRUE.includes(v));
}

/** A URL, optionally restricted to some schemes: `envUrl(['redis', 'rediss'])`. */
export function envUrl(protocols?: readonly string[]) {
  if (!protocols?.length) return z.url('must be a URL');
  return z.url({
    protocol: new RegExp(`^(${protocols.join('|')})$`),
    error: `must be a ${protocols.map((p) => `${p}://`).join(' or ')} URL`,
  });
}

/** A comma-separated list: "a, b,c" → ["a", "b", "c"]. */
export function envList() {
  return z.string().transform((v) =>
    v
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );
}
