import { registerCustomerRequest } from '@mesh/customers-contracts';
import { createZodDto } from 'nestjs-zod';

/** Body of `POST /customers`, from the domain's contracts. */
export class RegisterCustomerDto extends createZodDto(registerCustomerRequest) {}
