import type { EventEnvelope } from '@mesh/contract-kit';
import { type RedisConfig, redisConfig } from '@mesh/messaging';
import { MongoOutbox } from '@mesh/messaging/mongoose';
import type { OrderPlaced } from '@mesh/orders-contracts';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import fc from 'fast-check';
import type { Connection, Model } from 'mongoose';

import { customersAppForThisFile, registerCustomer } from '../../test/customers-app';
import { OrdersStream } from '../../test/order-events';
import { type LoyaltyTiers, loyaltyTiers } from '../config/loyalty-tiers.config';
import { type OrderFacts, orderFacts } from '../config/order-facts.config';
import { CustomerStore } from '../customers/customer-store';
import { CustomerWrites } from '../store/customer-writes';
import { MongoOrderStatisticsStore } from '../store/mongo-order-statistics-store';
import { StoredCustomer } from '../store/stored-customer.schema';
import { loyaltyTierFor } from './loyalty-tier';
import type { OrderChange } from './order-effect';
import { OrderStatisticsService } from './order-statistics.service';

jest.setTimeout(240_000);

/** One order of the generated history: its total and what became of it. */
interface OrderPlan {
  total: number;
  currency: 'EUR' | 'USD';
  fate: 'open' | 'cancelled' | 'shipped';
}

/** One delivery of one event: which copy, to which replica, and where it falls in the shuffle. */
interface Delivery {
  event: EventEnvelope;
  replica: 0 | 1;
  position: number;
}

const orderPlan = fc.record({
  total: fc.integer({ min: 1, max: 100_000 }),
  currency: fc.constantFrom<OrderPlan['currency']>('EUR', 'USD'),
  fate: fc.constantFrom<OrderPlan['fate']>('open', 'cancelled', 'shipped'),
});
/** For each event: how many copies arrive (1 to 3), and for each copy a replica and a place in the shuffle. */
const copies = fc.array(fc.record({ replica: fc.constantFrom<0 | 1>(0, 1), position: fc.double({ noNaN: true }) }), {
  minLength: 1,
  maxLength: 3,
});

/** The statistics as an independent model says: orders placed and not cancelled, summed per currency. */
function expectedStatistics(plans: readonly OrderPlan[], tiers: LoyaltyTiers) {
  const standing = plans.filter((plan) => plan.fate !== 'cancelled');
  const totalSpent: Record<string, number> = {};
  for (const plan of standing) totalSpent[plan.currency] = (totalSpent[plan.currency] ?? 0) + plan.total;
  return { orderCount: standing.length, totalSpent, tier: loyaltyTierFor(standing.length, tiers) };
}

function changeOf(event: EventEnvelope): OrderChange {
  const data = event.data as OrderPlaced;
  if (event.type === 'orders.order.shipped')
    return { kind: 'shipped', orderId: data.orderId, customerId: data.customerId };
  const kind = event.type === 'orders.order.placed' ? 'placed' : 'cancelled';
  return { kind, orderId: data.orderId, customerId: data.customerId, currency: data.currency, total: data.total };
}

describe('order statistics whatever the order and number of deliveries, on two replicas (property)', () => {
  const context = customersAppForThisFile({ TIER_SILVER_MIN_ORDERS: '2', TIER_GOLD_MIN_ORDERS: '3' });
  let replicas: OrderStatisticsService[];
  let orders: OrdersStream;

  beforeAll(async () => {
    const app = context.service.app;
    orders = new OrdersStream(context.redis);
    // A second service on the same store with what a second process would have of its own: its
    // lanes, and its own serialisation of writes (FerretDB's updates race across connections).
    const writes = new CustomerWrites(app.get<Connection>(getConnectionToken()));
    await writes.onModuleInit();
    const store = new MongoOrderStatisticsStore(
      app.get<Model<StoredCustomer>>(getModelToken(StoredCustomer.name)),
      app.get(MongoOutbox),
      writes,
      app.get<RedisConfig>(redisConfig.KEY),
    );
    const second = new OrderStatisticsService(
      store,
      app.get<LoyaltyTiers>(loyaltyTiers.KEY),
      app.get<OrderFacts>(orderFacts.KEY),
    );
    replicas = [app.get(OrderStatisticsService), second];
  });

  /** Delivers like a stream: a delivery that fails is delivered again (the event stays pending). */
  async function deliver(replica: OrderStatisticsService, event: EventEnvelope): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await replica.apply(changeOf(event), event);
        return;
      } catch (error) {
        if (attempt === 10) throw error;
      }
    }
  }

  it('equal the model for shuffled, repeated and split deliveries of placements, cancellations and shipments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(orderPlan, { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(copies),
        async (plans, copyPlans) => {
          const customer = await registerCustomer(context.service.app);
          const events = plans.flatMap((plan) => {
            const placement = orders.placed(customer.id, plan.total, plan.currency);
            if (plan.fate === 'open') return [placement];
            return [placement, plan.fate === 'cancelled' ? orders.cancelled(placement) : orders.shipped(placement)];
          });
          const deliveries: Delivery[] = events.flatMap((event) =>
            (copyPlans.next().value as Array<Omit<Delivery, 'event'>>).map((copy) => ({ event, ...copy })),
          );
          deliveries.sort((a, b) => a.position - b.position);

          await Promise.all(
            replicas.map(async (replica, index) => {
              for (const delivery of deliveries.filter((candidate) => candidate.replica === index)) {
                await deliver(replica, delivery.event);
              }
            }),
          );

          const stored = await context.service.app.get(CustomerStore).findById(customer.id);
          const spent = Object.fromEntries(Object.entries(stored?.totalSpent ?? {}).filter(([, minor]) => minor !== 0));
          expect({ orderCount: stored?.orderCount, totalSpent: spent, tier: stored?.tier }).toEqual(
            expectedStatistics(plans, context.service.app.get<LoyaltyTiers>(loyaltyTiers.KEY)),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
