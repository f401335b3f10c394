import { type CustomerStatus, customerStatus, type LoyaltyTier, loyaltyTier } from '@mesh/customers-contracts';
import { inboxPlugin, outboxPlugin } from '@mesh/messaging/mongoose';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

import type { OrderFact } from '../order-statistics/order-fact';

/**
 * One customer and everything the domain keeps about them, including the events of its last
 * changes (outbox) and the order events already applied (inbox): each change, its events and
 * its idempotency record are one single-document write, which needs no transaction.
 */
@Schema({ collection: 'customers', versionKey: false, minimize: false })
export class StoredCustomer {
  /** A UUIDv7: made without a round trip, and sorting by it sorts by registration. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  name!: string;

  /** As the customer gave it. */
  @Prop({ type: String, required: true })
  email!: string;

  /** emailKeyOf(email): FerretDB has no collation, so uniqueness is kept on this key. */
  @Prop({ type: String, required: true, unique: true })
  emailKey!: string;

  @Prop({ type: String, required: true, index: true })
  country!: string;

  @Prop({ type: Boolean, required: true })
  marketingConsent!: boolean;

  @Prop({ type: String, required: true, enum: customerStatus.options })
  status!: CustomerStatus;

  /** Grows by one with every change that other domains hear of (each carries it in its event). */
  @Prop({ type: Number, required: true, min: 1 })
  revision!: number;

  /** Orders placed and not cancelled. */
  @Prop({ type: Number, required: true, default: 0 })
  orderCount!: number;

  /** Minor units per ISO 4217 currency, e.g. `{ EUR: 2500 }`. */
  @Prop({ type: Object, required: true, default: () => ({}) })
  totalSpent!: Record<string, number>;

  @Prop({ type: String, required: true, enum: loyaltyTier.options })
  tier!: LoyaltyTier;

  /**
   * What the events of each open or recently ended order said, by order id (order-fact.ts): the
   * statistics above are what these facts add up to, whatever order the events came in.
   */
  @Prop({ type: Object, required: true, default: () => ({}) })
  orderFacts!: Record<string, OrderFact>;

  /** Written before order facts existed (the orders counted); moved into them at start-up. */
  @Prop({ type: [String], default: undefined })
  countedOrderIds?: string[];

  @Prop({ type: Date, required: true })
  registeredAt!: Date;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;

  @Prop({ type: Date })
  deactivatedAt?: Date;
}

export const StoredCustomerSchema = SchemaFactory.createForClass(StoredCustomer);
StoredCustomerSchema.plugin(outboxPlugin);
StoredCustomerSchema.plugin(inboxPlugin);
