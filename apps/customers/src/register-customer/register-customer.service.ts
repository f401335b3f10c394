import type { RegisterCustomerRequest } from '@mesh/customers-contracts';
import { isDuplicateKey } from '@mesh/messaging/mongoose';
import { ConflictError } from '@mesh/service';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';

import { customerRegisteredEvent } from '../customer-events/customer-events.factory';
import { CustomerRepository } from '../store/customer.repository';
import type { Customer } from '../store/customer.schema';
import type { StoredCustomer } from '../store/stored-customer';

/** Two emails that differ only in case or surrounding spaces belong to one person. */
export function emailKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class RegisterCustomerService {
  constructor(private readonly customers: CustomerRepository) {}

  /** @throws ConflictError naming the email when a customer already has it (in any case). */
  async register(request: RegisterCustomerRequest): Promise<StoredCustomer> {
    const now = new Date();
    const customer: Customer = {
      _id: uuidv7(),
      ...request,
      emailKey: emailKeyOf(request.email),
      status: 'active',
      revision: 1,
      orderCount: 0,
      totalSpent: {},
      tier: 'bronze',
      orderFacts: {},
      registeredAt: now,
      updatedAt: now,
    };
    try {
      await this.customers.insert(customer, [customerRegisteredEvent(customer)]);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new ConflictError(`a customer with email ${request.email} is already registered`, { cause: error });
      }
      throw error;
    }
    return customer;
  }
}
