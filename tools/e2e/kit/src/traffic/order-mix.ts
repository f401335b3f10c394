/** One line of `POST /orders`. */
export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

/** `POST /orders`'s body but the customer. */
export interface OrderBody {
  readonly currency: string;
  readonly items: readonly OrderLine[];
}

/** The order a client places next, from a source of randomness. */
export type OrderMix = (random: () => number) => OrderBody;

export interface RandomOrders {
  /** Picked at random for each order: a currency listed twice comes twice as often. */
  readonly currencies: readonly string[];
  /** Products the lines name; one without a price is sold at any from 0.50 to 50.49. */
  readonly products: readonly { readonly sku: string; readonly unitPrice?: number }[];
  readonly maxQuantity: number;
}

/** Orders of one to three lines, each a random product in a random quantity. */
export function randomOrders({ currencies, products, maxQuantity }: RandomOrders): OrderMix {
  return (random) => {
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
    const currency = pick(currencies);
    const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const product = pick(products);
      const quantity = 1 + Math.floor(random() * maxQuantity);
      return { sku: product.sku, quantity, unitPrice: product.unitPrice ?? 50 + Math.floor(random() * 5_000) };
    });
    return { currency, items };
  };
}

/** Ten products at any price, EUR twice as often as USD or GBP: the mesh e2e's and the soak's orders. */
export const MIXED_ORDERS: OrderMix = randomOrders({
  currencies: ['EUR', 'EUR', 'USD', 'GBP'],
  products: ['BOOK-1', 'BOOK-2', 'MUG-1', 'PEN-3', 'LAMP-7', 'DESK-2', 'CHAIR-5', 'BAG-9', 'CUP-4', 'NOTE-8'].map(
    (sku) => ({ sku }),
  ),
  maxQuantity: 5,
});

/** A seeded generator (mulberry32): a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
