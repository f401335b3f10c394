import { Inject, Injectable } from '@nestjs/common';

import { type CatalogConfig,catalogConfig } from '../config/catalog.config';
import { fetchProduct } from './fetch-product';
import type { ProductEntry } from './product-entry';

/** Every configured product as read on one round of fetches. */
export interface CatalogSnapshot {
  /** ISO time the round started. */
  readAt: string;
  /** One entry per configured URL, in configuration order. */
  products: ProductEntry[];
}

/**
 * Reads the domains' well-known documents, all at once. Callers during a round share it, and
 * so do callers within `maxAgeMs` after it: the page polls two APIs, possibly from many tabs,
 * and the domains should see one read per window, not one per request.
 */
@Injectable()
export class ProductCatalog {
  private inFlight: Promise<CatalogSnapshot> | undefined;
  private latest: { snapshot: CatalogSnapshot; completedAt: number } | undefined;

  constructor(@Inject(catalogConfig.KEY) private readonly config: CatalogConfig) {}

  async snapshot(): Promise<CatalogSnapshot> {
    if (this.latest && Date.now() - this.latest.completedAt < this.config.maxAgeMs) return this.latest.snapshot;
    this.inFlight ??= this.readAll().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async readAll(): Promise<CatalogSnapshot> {
    const readAt = new Date().toISOString();
    const products = await Promise.all(
      this.config.productUrls.map((url) => fetchProduct(url, this.config.fetchTimeoutMs)),
    );
    const snapshot = { readAt, products };
    this.latest = { snapshot, completedAt: Date.now() };
    return snapshot;
  }
}
