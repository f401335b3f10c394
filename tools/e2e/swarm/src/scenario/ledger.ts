export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

export interface LedgerOrder {
  readonly id: string;
  readonly customerId: string;
  readonly currency: string;
  readonly items: readonly OrderLine[];
  readonly total: number;
  cancelled: boolean;
}

/**
 * What the mesh accepted, as its own answers said: registered customers and placed orders, and
 * which orders it cancelled. The expected analytics figures are computed from this alone.
 */
export class Ledger {
  readonly customers: string[] = [];
  readonly orders = new Map<string, LedgerOrder>();

  addCustomer(id: string): void {
    this.customers.push(id);
  }

  addOrder(order: Omit<LedgerOrder, 'cancelled'>): void {
    if (this.orders.has(order.id)) throw new Error(`order ${order.id} was accepted twice`);
    this.orders.set(order.id, { ...order, cancelled: false });
  }

  cancel(orderId: string): void {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`cancelled order ${orderId} was never placed`);
    order.cancelled = true;
  }

  get cancelledCount(): number {
    return [...this.orders.values()].filter((order) => order.cancelled).length;
  }
}
