/**
 * `GET /customers/:id/value`. Analytics keeps no personal data: the customer appears only under
 * a pseudonymous id (a keyed hash of the customer id), with no name and no email.
 */
export interface CustomerValueResponse {
  pseudonymousId: string;
  /** ISO 3166-1 alpha-2, from the newest registered/updated event; null until one is applied. */
  country: string | null;
  /** From the newest tier-changed event; customers start at bronze. */
  tier: 'bronze' | 'silver' | 'gold';
  /** Orders placed minus orders cancelled. */
  orderCount: number;
  /** Revenue net of cancellations per currency, in minor units, e.g. `{ EUR: 2500 }`. */
  revenue: Record<string, number>;
}
