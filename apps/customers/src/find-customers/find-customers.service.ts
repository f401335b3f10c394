import { NotFoundError } from '@mesh/service';
import { Injectable } from '@nestjs/common';

import type { Customer } from '../customers/customer';
import { CustomerStore } from '../customers/customer-store';

/** One page of the customers list, as asked for. */
export interface CustomerPageRequest {
  country?: string;
  /** The id of the last customer of the previous page; `page` is 1 with it. */
  after?: string;
  /** From 1. */
  page: number;
  limit: number;
}

/** The page, whether more customers follow it, and on the first page how many match in all. */
export interface CustomerPageFound {
  items: Customer[];
  hasMore: boolean;
  total?: number;
}

/** Reads only: there is no decision to make, beyond saying that a customer does not exist. */
@Injectable()
export class FindCustomersService {
  constructor(private readonly customers: CustomerStore) {}

  /**
   * Customers oldest first, a page at a time. One customer more than the page is read, to tell
   * whether another page follows. Only the first page counts the matching customers: a client
   * paging through them needs the total once.
   */
  async list({ country, after, page, limit }: CustomerPageRequest): Promise<CustomerPageFound> {
    const firstPage = after === undefined && page === 1;
    const [found, total] = await Promise.all([
      this.customers.find({ country, after, skip: (page - 1) * limit, limit: limit + 1 }),
      firstPage ? this.customers.count(country) : undefined,
    ]);
    return { items: found.slice(0, limit), hasMore: found.length > limit, ...(total !== undefined && { total }) };
  }

  /** @throws NotFoundError naming the id. */
  async get(id: string): Promise<Customer> {
    const customer = await this.customers.findById(id);
    if (!customer) throw new NotFoundError(`customer ${id} not found`);
    return customer;
  }
}
