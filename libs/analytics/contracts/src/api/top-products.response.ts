/** One product's sales over a range, net of cancellations. */
export interface TopProduct {
  sku: string;
  units: number;
  /** Per currency, in minor units. */
  revenue: Record<string, number>;
}

/** `GET /products/top`: the best-selling products by units, then by sku. */
export interface TopProductsResponse {
  from: string;
  to: string;
  limit: number;
  products: TopProduct[];
}
