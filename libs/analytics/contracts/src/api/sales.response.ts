/** One UTC day's sales in one currency, amounts in minor units. */
export interface DailySales {
  day: string;
  currency: string;
  orders: number;
  revenue: number;
  cancelledOrders: number;
  cancelledRevenue: number;
  /** revenue − cancelledRevenue. */
  netRevenue: number;
}

/** `GET /sales/daily`: the days of the range that have sales, in day then currency order. */
export interface DailySalesResponse {
  from: string;
  to: string;
  currency: string | null;
  days: DailySales[];
}
