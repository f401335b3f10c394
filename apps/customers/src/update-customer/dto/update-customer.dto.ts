import { updateCustomerRequest } from '@mesh/customers-contracts';
import { createZodDto } from 'nestjs-zod';

/** Body of `PATCH /customers/:id`, from the domain's contracts: name, country, marketingConsent. */
export class UpdateCustomerDto extends createZodDto(updateCustomerRequest) {}
