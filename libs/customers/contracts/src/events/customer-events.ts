import type { EventContract } from '@mesh/contract-kit';

import { customerDeactivated } from './customer-deactivated.event';
import { customerRegistered } from './customer-registered.event';
import { customerTierChanged } from './customer-tier-changed.event';
import { customerUpdated } from './customer-updated.event';

/** The output port `customers.customer.v1`: every event type it carries. */
export const CUSTOMER_STREAM = customerRegistered.stream;

/** Every contract the customers domain publishes; consumers pass these to their transport. */
export const customerEvents: EventContract[] = [
  customerRegistered,
  customerUpdated,
  customerDeactivated,
  customerTierChanged,
];
