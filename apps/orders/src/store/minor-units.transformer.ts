import type { ValueTransformer } from 'typeorm';

/**
 * Amounts are stored as bigint, which pg returns as strings. The API caps every total at
 * Number.MAX_SAFE_INTEGER, so the value read back converts to a number exactly.
 */
export const minorUnitsTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
