import type { CatalogDocument } from './data-product-document.schema';

/** What the catalog learned from one configured base URL on one round of fetches. */
export type ProductEntry = ProductEntryBase &
  (
    | { state: 'available'; document: CatalogDocument }
    /** No answer: refused, reset, timed out. */
    | { state: 'unreachable'; error: string }
    /** An answer, but no document in it: an HTTP error, not JSON, or not a data-product document. */
    | { state: 'unusable'; error: string }
  );

interface ProductEntryBase {
  /** The base URL as configured. */
  url: string;
  /** What was fetched: `<url>/.well-known/data-product`. */
  documentUrl: string;
  /** Whether the service answered at all (an unusable answer still counts). */
  reachable: boolean;
  /** ISO time the fetch started. */
  fetchedAt: string;
  /** How long it took, in milliseconds. */
  durationMs: number;
}

export type AvailableProduct = Extract<ProductEntry, { state: 'available' }>;

export function isAvailable(entry: ProductEntry): entry is AvailableProduct {
  return entry.state === 'available';
}
