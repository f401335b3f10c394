// Public contracts of the customers domain: what other domains may depend on.
export type { CustomerPage, CustomerResponse } from './api/customer.response';
export {
  type RegisterCustomerRequest,
  registerCustomerRequest,
  type UpdateCustomerRequest,
  updateCustomerRequest,
} from './api/customer-requests';
export { type CustomerDeactivated,customerDeactivated } from './events/customer-deactivated.event';
export { CUSTOMER_STREAM, customerEvents } from './events/customer-events';
export { type CustomerRegistered,customerRegistered } from './events/customer-registered.event';
export { type CustomerTierChanged,customerTierChanged } from './events/customer-tier-changed.event';
export { type CustomerUpdated,customerUpdated } from './events/customer-updated.event';
export {
  countryCode,
  customerEmail,
  customerName,
  customerRevision,
  type CustomerStatus,
  customerStatus,
  type LoyaltyTier,
  loyaltyTier,
  pii,
} from './events/customer-values';
export { customersProduct } from './product/customers.product';
