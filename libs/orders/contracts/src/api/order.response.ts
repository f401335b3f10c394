export type OrderStatus = 'placed' | 'cancelled' | 'shipped';

export const ORDER_STATUSES: readonly OrderStatus[] = ['placed', 'cancelled', 'shipped'];

/** What the orders API returns for one order. */
export interface OrderResponse {
  id: string;
  customerId: string;
  status: OrderStatus;
  currency: string;
  items: Array<{ sku: string; quantity: number; unitPrice: number; lineTotal: number }>;
  total: number;
  placedAt: string;
  cancelledAt: string | null;
  shippedAt: string | null;
}

export interface OrderPage {
  items: OrderResponse[];
  total: number;
  page: number;
  limit: number;
}
