import { z } from 'zod';

import { countryCode, customerEmail, customerName } from '../events/customer-values';

/** Body of `POST /customers`. Unknown fields are refused. */
export const registerCustomerRequest = z.strictObject({
  name: customerName,
  email: customerEmail,
  country: countryCode,
  marketingConsent: z.boolean(),
});
export type RegisterCustomerRequest = z.infer<typeof registerCustomerRequest>;

/** Body of `PATCH /customers/:id`: at least one field. Email cannot change. */
export const updateCustomerRequest = z
  .strictObject({ name: customerName, country: countryCode, marketingConsent: z.boolean() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'give at least one of name, country, marketingConsent');
export type UpdateCustomerRequest = z.infer<typeof updateCustomerRequest>;
