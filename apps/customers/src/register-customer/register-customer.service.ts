import type { RegisterCustomerRequest } from '@mesh/customers-contracts';
import { ConflictError } from '@mesh/service';
import { Injectable } from '@nestjs/common';

import { type Customer, newCustomer } from '../customers/customer';
import { customerRegisteredEvent } from '../customers/customer-events';
import { CustomerStore } from '../customers/customer-store';

@Injectable()
export class RegisterCustomerService {
  constructor(private readonly customers: CustomerStore) {}

  /** @throws ConflictError naming the email when a customer already has it (in any case). */
  async register(request: RegisterCustomerRequest): Promise<Customer> {
    const customer = newCustomer(request, new Date());
    if ((await this.customers.insert(customer, [customerRegisteredEvent(customer)])) === 'email taken') {
      throw new ConflictError(`a customer with email ${request.email} is already registered`);
    }
    return customer;
  }
}
