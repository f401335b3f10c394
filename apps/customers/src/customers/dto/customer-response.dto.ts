import { countryCode, type CustomerResponse, customerStatus, loyaltyTier } from '@mesh/customers-contracts';
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
    total: z.int().min(0).describe('customers matching the filter, on every page'),
    page: z.int().min(1),
    limit: z.int().min(1),
  }),
) {}
