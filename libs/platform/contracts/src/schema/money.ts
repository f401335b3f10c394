import { z } from 'zod';

/** ISO 4217 alphabetic code, e.g. `EUR`. Amounts are integers in its minor unit (cents). */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR');

/** An amount in the currency's minor unit: integers only, so sums are exact. */
export const minorUnits = z.int().nonnegative().max(Number.MAX_SAFE_INTEGER);
