import { z } from 'zod';

/** ISO 3166-1 alpha-2 country code, e.g. `DE`. */
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as DE');

/** Personal data: consumers outside the customers domain must not store it (see the manifest). */
export const pii = { classification: 'pii' } as const;

export const customerName = z.string().trim().min(1).max(200).meta(pii);
export const customerEmail = z.email().max(320).meta(pii);

export const loyaltyTier = z.enum(['bronze', 'silver', 'gold']);
export type LoyaltyTier = z.infer<typeof loyaltyTier>;

export const customerStatus = z.enum(['active', 'deactivated']);
export type CustomerStatus = z.infer<typeof customerStatus>;

/**
 * The customer's revision after the change the event reports: it grows with every change, so a
 * consumer that keeps a replica applies an event only when its revision is newer than what it has.
 */
export const customerRevision = z.int().min(1);
