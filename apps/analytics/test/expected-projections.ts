import type { CustomerValueResponse, DailySales, TopProduct } from '@mesh/analytics-contracts';
import type { EventEnvelope } from '@mesh/contract-kit';
import type { CustomerRegistered, CustomerTierChanged, CustomerUpdated } from '@mesh/customers-contracts';
import type { OrderCancelled, OrderPlaced } from '@mesh/orders-contracts';
import { createHmac } from 'node:crypto';

/**
 * The figures every projection must show, computed from the published events with plain loops
 * and none of the app's code: the reference the integration tests compare the service with.
 */
export class ExpectedProjections {
  readonly dailySales = new Map<string, DailySales>();
  readonly customers = new Map<string, Omit<CustomerValueResponse, 'pseudonymousId'> & { countryRevision: number; tierRevision: number }>();
  /** Units and revenue per `day|sku|currency`, net of cancellations. */
  readonly productSales = new Map<string, { day: string; sku: string; currency: string; units: number; revenue: number }>();

  constructor(events: readonly EventEnvelope[]) {
    // An event published twice (same id) is one fact.
    const unique = [...new Map(events.map((event) => [event.id, event])).values()];
    const placedOrders = new Map<string, OrderPlaced>();
    for (const event of unique) {
      if (event.type === 'orders.order.placed') placedOrders.set((event.data as OrderPlaced).orderId, event.data as OrderPlaced);
    }
    for (const event of unique) this.apply(event, placedOrders);
  }

  /** What GET /customers/:id/value answers, with the pseudonym computed here from the key. */
  customerValue(customerId: string, key: string): CustomerValueResponse | undefined {
    const customer = this.customers.get(customerId);
    if (!customer) return undefined;
    const { countryRevision: _c, tierRevision: _t, ...value } = customer;
    return { pseudonymousId: createHmac('sha256', key).update(customerId).digest('hex'), ...value };
  }

  dailySalesBetween(from: string, to: string, currency?: string): DailySales[] {
    return [...this.dailySales.values()]
      .filter((row) => row.day >= from && row.day <= to && (!currency || row.currency === currency))
      .sort((a, b) => a.day.localeCompare(b.day) || a.currency.localeCompare(b.currency));
  }

  topProducts(from: string, to: string, limit: number): TopProduct[] {
    const products = new Map<string, { units: number; perCurrency: Map<string, { units: number; revenue: number }> }>();
    for (const row of this.productSales.values()) {
      if (row.day < from || row.day > to) continue;
      const product = products.get(row.sku) ?? { units: 0, perCurrency: new Map() };
      product.units += row.units;
      const money = product.perCurrency.get(row.currency) ?? { units: 0, revenue: 0 };
      money.units += row.units;
      money.revenue += row.revenue;
      product.perCurrency.set(row.currency, money);
      products.set(row.sku, product);
    }
    const ranked = [...products.entries()]
      .filter(([, product]) => product.units > 0)
      .sort(([skuA, a], [skuB, b]) => b.units - a.units || (skuA < skuB ? -1 : 1));
    return ranked.slice(0, limit).map(([sku, product]) => ({
      sku,
      units: product.units,
      revenue: Object.fromEntries(
        [...product.perCurrency.entries()]
          .filter(([, money]) => money.units > 0)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([currency, money]) => [currency, money.revenue]),
      ),
    }));
  }

  private apply(event: EventEnvelope, placedOrders: Map<string, OrderPlaced>): void {
    switch (event.type) {
      case 'orders.order.placed': {
        const order = event.data as OrderPlaced;
        this.addSales(order.placedAt, order.currency, 1, order.total, 0, 0);
        this.addCustomerOrder(order.customerId, order.currency, 1, order.total);
        for (const line of order.lines) this.addProduct(order.placedAt, line.sku, order.currency, line.quantity, line.quantity * line.unitPrice);
        return;
      }
      case 'orders.order.cancelled': {
        const order = event.data as OrderCancelled;
        this.addSales(order.placedAt, order.currency, 0, 0, 1, order.total);
        this.addCustomerOrder(order.customerId, order.currency, -1, -order.total);
        const placed = placedOrders.get(order.orderId);
        for (const line of placed?.lines ?? []) this.addProduct(order.placedAt, line.sku, order.currency, -line.quantity, -line.quantity * line.unitPrice);
        return;
      }
      case 'customers.customer.registered':
      case 'customers.customer.updated': {
        const data = event.data as CustomerRegistered | CustomerUpdated;
        const customer = this.customer(data.customerId);
        if (data.revision > customer.countryRevision) Object.assign(customer, { country: data.country, countryRevision: data.revision });
        return;
      }
      case 'customers.customer.tier-changed': {
        const data = event.data as CustomerTierChanged;
        const customer = this.customer(data.customerId);
        if (data.revision > customer.tierRevision) Object.assign(customer, { tier: data.tier, tierRevision: data.revision });
        return;
      }
    }
  }

  private addSales(placedAt: string, currency: string, orders: number, revenue: number, cancelledOrders: number, cancelledRevenue: number) {
    const day = placedAt.slice(0, 10);
    const key = `${day}|${currency}`;
    const row = this.dailySales.get(key) ?? { day, currency, orders: 0, revenue: 0, cancelledOrders: 0, cancelledRevenue: 0, netRevenue: 0 };
    row.orders += orders;
    row.revenue += revenue;
    row.cancelledOrders += cancelledOrders;
    row.cancelledRevenue += cancelledRevenue;
    row.netRevenue = row.revenue - row.cancelledRevenue;
    this.dailySales.set(key, row);
  }

  private addCustomerOrder(customerId: string, currency: string, orders: number, revenue: number) {
    const customer = this.customer(customerId);
    customer.orderCount += orders;
    customer.revenue[currency] = (customer.revenue[currency] ?? 0) + revenue;
  }

  private addProduct(placedAt: string, sku: string, currency: string, units: number, revenue: number) {
    const day = placedAt.slice(0, 10);
    const key = `${day}|${sku}|${currency}`;
    const row = this.productSales.get(key) ?? { day, sku, currency, units: 0, revenue: 0 };
    row.units += units;
    row.revenue += revenue;
    this.productSales.set(key, row);
  }

  private customer(customerId: string) {
    let customer = this.customers.get(customerId);
    if (!customer) {
      customer = { country: null, tier: 'bronze', orderCount: 0, revenue: {}, countryRevision: 0, tierRevision: 0 };
      this.customers.set(customerId, customer);
    }
    return customer;
  }
}
