// Public contracts of the customers domain: what other domains may depend on.
export {
  countryCode,
  customerEmail,
  customerName,
  customerRevision,
  customerStatus,
  type CustomerStatus,
  loyaltyTier,
  type LoyaltyTier,
  pii,
} from './events/customer-values';
export { customerRegistered, type CustomerRegistered } from './events/customer-registered.event';
export { customerUpdated, type CustomerUpdated } from './events/customer-updated.event';
export { customerDeactivated, type CustomerDeactivated } from './events/customer-deactivated.event';
export { customerTierChanged, type CustomerTierChanged } from './events/customer-tier-changed.event';
export { CUSTOMER_STREAM, customerEvents } from './events/customer-events';
export {
  registerCustomerRequest,
  type RegisterCustomerRequest,
  updateCustomerRequest,
  type UpdateCustomerRequest,
} from './api/customer-requests';
export type { CustomerPage, CustomerResponse } from './api/customer.response';
export { customersProduct } from './product/customers.product';
