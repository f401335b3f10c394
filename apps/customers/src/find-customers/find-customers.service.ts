import { NotFoundError } from '@mesh/service';
import { Injectable } from '@nestjs/common';

import type { Customer } from '../customers/customer';
import { CustomerStore } from '../customers/customer-store';

/** One page of the customers list, as asked for. */
export interface CustomerPageRequest {
  country?: string;
  /** From 1. */
  page: number;
  limit: number;
}

/** Reads only: there is no decision to make, beyond saying that a customer does not exist. */
@Injectable()
export class FindCustomersService {
  constructor(private readonly customers: CustomerStore) {}

  /** Customers oldest first, a page at a time, with how many match on every page. */
  list({ country, page, limit }: CustomerPageRequest): Promise<{ items: Customer[]; total: number }> {
    return this.customers.find({ country, skip: (page - 1) * limit, limit });
  }

  /** @throws NotFoundError naming the id. */
  async get(id: string): Promise<Customer> {
    const customer = await this.customers.findById(id);
    if (!customer) throw new NotFoundError(`customer ${id} not found`);
    return customer;
  }
}
