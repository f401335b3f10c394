import {
  countryCode,
  type CustomerPage,
  type CustomerResponse,
  customerStatus,
  loyaltyTier,
} from '@mesh/customers-contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** The response's schema, for the OpenAPI document; typed against the contract's CustomerResponse. */
const customerResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.email(),
  country: countryCode,
  marketingConsent: z.boolean(),
  status: customerStatus,
  revision: z.int().min(1),
  orderCount: z.int().min(0).describe('orders placed and not cancelled'),
  totalSpent: z.record(z.string(), z.int()).describe('minor units per currency, e.g. { "EUR": 2500 }'),
  tier: loyaltyTier,
  registeredAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}) satisfies z.ZodType<CustomerResponse>;

export class CustomerResponseDto extends createZodDto(customerResponse) {}

export class CustomerPageDto extends createZodDto(
  z.object({
    items: z.array(customerResponse),
    total: z.int().min(0).optional().describe('customers matching the filter; on the first page only'),
    page: z.int().min(1).optional().describe('the page asked for; absent on a page asked for with after'),
    limit: z.int().min(1),
    hasMore: z.boolean().describe('whether more customers follow this page'),
    next: z.uuid().optional().describe('the after of the next page; present when hasMore'),
  }) satisfies z.ZodType<CustomerPage>,
) {}
